// The small transforms of Winograd's minimal filtering, F(2×2, 3×3) for the forward pass and
// F(3×3, 2×2) for the kernel gradient (Lavin & Gray, "Fast Algorithms for Convolutional Neural
// Networks", 2015). A 4×4 tile of input d and a 3×3 kernel g give a 2×2 tile of output
//   Y = Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A
//       Bᵀ = | 1  0 −1  0 |     G = | 1    0    0  |     Aᵀ = | 1  1  1  0 |
//            | 0  1  1  0 |         | ½    ½    ½  |          | 0  1 −1 −1 |
//            | 0 −1  1  0 |         | ½   −½    ½  |
//            | 0  1  0 −1 |         | 0    0    1  |
// so 16 multiplications replace 36. The kernel gradient correlates the same 4×4 input tile with
// a 2×2 tile of ∂output, giving a 3×3 tile: F(3×3, 2×2), whose input matrix is the Bᵀ above with
// its last row negated. The sign is moved onto the ∂output transform (G₂ below, last row negated
// too), so both passes share one input transform:
//   ∂kernel = A₃ᵀ [(G₂ ∂y G₂ᵀ) ⊙ (Bᵀ d B)] A₃
//       G₂ = | 1   0 |     A₃ᵀ = | 1  1  1  0 |
//            | ½   ½ |           | 0  1 −1  0 |
//            | ½  −½ |           | 0  1  1  1 |
//            | 0  −1 |
// Channels (or filters) are contiguous in NHWC and HWIO, so every transform works on 16 of them
// at once in vector registers: the 16 values of a tile are 16 vectors. Transformed values are
// stored as 16 matrices, element ξν of tile t and channel c at `[(ξν · tiles + t) · channels + c]`:
// the row-major operands of the 16 matrix products.

/// Sixteen channels (or filters) of one tile element, in one vector register with AVX-512.
typealias WinogradLanes = SIMD16<Float>

/// Loads `width` (at most 16) floats, zero past them.
@inline(__always)
func loadLanes(_ pointer: UnsafePointer<Float>, width: Int) -> WinogradLanes {
  if width == 16 { return UnsafeRawPointer(pointer).loadUnaligned(as: WinogradLanes.self) }
  var lanes = WinogradLanes()
  for index in 0..<width { lanes[index] = pointer[index] }
  return lanes
}

/// Stores the first `width` (at most 16) lanes.
@inline(__always)
func storeLanes(_ lanes: WinogradLanes, _ pointer: UnsafeMutablePointer<Float>, width: Int) {
  if width == 16 {
    UnsafeMutableRawPointer(pointer).storeBytes(of: lanes, as: WinogradLanes.self)
  } else {
    for index in 0..<width { pointer[index] = lanes[index] }
  }
}

/// Calls `body(start, width)` on blocks of 16 lanes covering `0..<count`: whole blocks, then one
/// that ends at the last lane and overlaps the block before it (its lanes are written twice with
/// the same values), or a single narrower block when `count` is below 16.
@inline(__always)
func forEachLaneBlock(_ count: Int, _ body: (_ start: Int, _ width: Int) -> Void) {
  guard count >= 16 else {
    if count > 0 { body(0, count) }
    return
  }
  var start = 0
  while start &+ 16 <= count {
    body(start, 16)
    start &+= 16
  }
  if start < count { body(count &- 16, 16) }
}

// MARK: - One-dimensional transforms, applied to the columns of a tile and then to its rows

/// Four lanes: a column or row of a 4×4 tile.
typealias WinogradQuad = (WinogradLanes, WinogradLanes, WinogradLanes, WinogradLanes)

/// G·h for a kernel column (or row) of three.
@inline(__always)
private func kernelTransform(_ h0: WinogradLanes, _ h1: WinogradLanes, _ h2: WinogradLanes) -> WinogradQuad {
  (h0, (h0 + h1 + h2) * 0.5, (h0 - h1 + h2) * 0.5, h2)
}

/// Bᵀ·d for an input column (or row) of four.
@inline(__always)
func inputTransform(_ d: WinogradQuad) -> WinogradQuad {
  (d.0 - d.2, d.1 + d.2, d.2 - d.1, d.1 - d.3)
}

/// Aᵀ·m: the two outputs of a column (or row) of four products.
@inline(__always)
func outputTransform(_ m: WinogradQuad) -> (WinogradLanes, WinogradLanes) {
  (m.0 + m.1 + m.2, m.1 - m.2 - m.3)
}

/// G₂·e for a ∂output column (or row) of two.
@inline(__always)
func outputGradientTransform(_ e0: WinogradLanes, _ e1: WinogradLanes) -> WinogradQuad {
  (e0, (e0 + e1) * 0.5, (e0 - e1) * 0.5, -e1)
}

/// A₃ᵀ·s: the three kernel-gradient values of a column (or row) of four summed products.
@inline(__always)
private func kernelGradientTransform(_ s: WinogradQuad) -> (WinogradLanes, WinogradLanes, WinogradLanes) {
  (s.0 + s.1 + s.2, s.1 - s.2, s.1 + s.2 + s.3)
}

// MARK: - Kernel transforms, once per call

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
