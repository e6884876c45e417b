// The kernel's transforms of Winograd's minimal filtering (see WinogradTransforms.swift for the
// matrices), each run once per call: U = G g Gᵀ before the forward products, and
// ∂kernel = A₃ᵀ S A₃ after the kernel gradient's products are summed.

/// U = G g Gᵀ for every input channel and filter of a 3×3 kernel `[3, 3, C, F]`, into 16 matrices
/// of C × F: the products' right operands.
func winogradTransformKernel(
  _ kernel: UnsafePointer<Float>, channels: Int, filters: Int, into transformed: UnsafeMutablePointer<Float>
) {
  let matrixSize = channels &* filters
  for c in 0..<channels {
    forEachLaneBlock(filters) { f, width in
      @inline(__always) func g(_ ky: Int, _ kx: Int) -> WinogradLanes {
        loadLanes(kernel + (((ky &* 3 &+ kx) &* channels &+ c) &* filters &+ f), width: width)
      }
      // G g, column by column, then (G g) Gᵀ row by row
      let columns = (
        kernelTransform(g(0, 0), g(1, 0), g(2, 0)), kernelTransform(g(0, 1), g(1, 1), g(2, 1)),
        kernelTransform(g(0, 2), g(1, 2), g(2, 2))
      )
      @inline(__always) func store(row xi: Int, _ h0: WinogradLanes, _ h1: WinogradLanes, _ h2: WinogradLanes) {
        let u = kernelTransform(h0, h1, h2)
        let first = transformed + (xi &* 4 &* matrixSize &+ c &* filters &+ f)
        storeLanes(u.0, first, width: width)
        storeLanes(u.1, first + matrixSize, width: width)
        storeLanes(u.2, first + 2 &* matrixSize, width: width)
        storeLanes(u.3, first + 3 &* matrixSize, width: width)
      }
      store(row: 0, columns.0.0, columns.1.0, columns.2.0)
      store(row: 1, columns.0.1, columns.1.1, columns.2.1)
      store(row: 2, columns.0.2, columns.1.2, columns.2.2)
      store(row: 3, columns.0.3, columns.1.3, columns.2.3)
    }
  }
}

/// ∂kernel `[3, 3, C, F]` = A₃ᵀ S A₃ for every channel and filter, from the 16 summed C × F
/// matrices S of the kernel gradient's products.
func winogradInverseTransformKernelGradient(
  _ sums: UnsafePointer<Float>, channels: Int, filters: Int, into kernelGradient: UnsafeMutablePointer<Float>
) {
  let matrixSize = channels &* filters
  for c in 0..<channels {
    forEachLaneBlock(filters) { f, width in
      @inline(__always) func column(_ nu: Int) -> (WinogradLanes, WinogradLanes, WinogradLanes) {
        let first = sums + (nu &* matrixSize &+ c &* filters &+ f)
        return kernelGradientTransform(
          (
            loadLanes(first, width: width), loadLanes(first + 4 &* matrixSize, width: width),
            loadLanes(first + 8 &* matrixSize, width: width), loadLanes(first + 12 &* matrixSize, width: width)
          ))
      }
      // A₃ᵀ S, column by column, then (A₃ᵀ S) A₃ row by row
      let columns = (column(0), column(1), column(2), column(3))
      @inline(__always) func store(row ky: Int, _ h: WinogradQuad) {
        let values = kernelGradientTransform(h)
        let first = kernelGradient + (ky &* 3 &* matrixSize &+ c &* filters &+ f)
        storeLanes(values.0, first, width: width)
        storeLanes(values.1, first + matrixSize, width: width)
        storeLanes(values.2, first + 2 &* matrixSize, width: width)
      }
      store(row: 0, (columns.0.0, columns.1.0, columns.2.0, columns.3.0))
      store(row: 1, (columns.0.1, columns.1.1, columns.2.1, columns.3.1))
      store(row: 2, (columns.0.2, columns.1.2, columns.2.2, columns.3.2))
    }
  }
}

// MARK: - One-dimensional transforms

/// G·h for a kernel column (or row) of three.
@inline(__always)
private func kernelTransform(_ h0: WinogradLanes, _ h1: WinogradLanes, _ h2: WinogradLanes) -> WinogradQuad {
  (h0, (h0 + h1 + h2) * 0.5, (h0 - h1 + h2) * 0.5, h2)
}

/// A₃ᵀ·s: the three kernel-gradient values of a column (or row) of four summed products.
@inline(__always)
private func kernelGradientTransform(_ s: WinogradQuad) -> (WinogradLanes, WinogradLanes, WinogradLanes) {
  (s.0 + s.1 + s.2, s.1 - s.2, s.1 + s.2 + s.3)
}
