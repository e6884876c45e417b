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
// the row-major operands of the 16 matrix products (transformed ∂output is written straight into
// the packed panels its products read, see `transformOutputGradient`).

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

/// Bᵀ·d for an input column (or row) of four.
@inline(__always)
private func inputTransform(_ d: WinogradQuad) -> WinogradQuad {
  (d.0 - d.2, d.1 + d.2, d.2 - d.1, d.1 - d.3)
}

/// Aᵀ·m: the two outputs of a column (or row) of four products.
@inline(__always)
private func outputTransform(_ m: WinogradQuad) -> (WinogradLanes, WinogradLanes) {
  (m.0 + m.1 + m.2, m.1 - m.2 - m.3)
}

/// G₂·e for a ∂output column (or row) of two.
@inline(__always)
private func outputGradientTransform(_ e0: WinogradLanes, _ e1: WinogradLanes) -> WinogradQuad {
  (e0, (e0 + e1) * 0.5, (e0 - e1) * 0.5, -e1)
}

// MARK: - Tile transforms

// These sit in the same file as the lane helpers above because in a debug build (the one
// `swift build` and the lessons use) each file is compiled alone, and only calls within a file
// are inlined: across files, every load and transform would be a function call.
extension WinogradTiling {
  /// Calls `body(tile, n, ty, tx)` for every tile of `rows`, numbered from 0 within them.
  @inline(__always)
  func forEachTile(in rows: Range<Int>, _ body: (_ tile: Int, _ n: Int, _ ty: Int, _ tx: Int) -> Void) {
    var tile = 0
    for row in rows {
      let (n, ty) = row.quotientAndRemainder(dividingBy: tilesDown)
      for tx in 0..<tilesAcross {
        body(tile, n, ty, tx)
        tile &+= 1
      }
    }
  }

  /// V = Bᵀ d B for every tile of `rows` and every input channel, into 16 matrices of
  /// tiles × C; `zeros` holds at least max(C, 16) zeros, read for pixels outside the image.
  func transformInput(
    _ input: UnsafePointer<Float>, rows: Range<Int>, zeros: UnsafePointer<Float>,
    into transformed: UnsafeMutablePointer<Float>
  ) {
    let g = geometry
    let channels = g.channels
    let matrixSize = rows.count * tilesAcross * channels
    withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: 16) { pixels in
      forEachTile(in: rows) { tile, n, ty, tx in
        let image = input + n * g.inputSize
        for i in 0..<4 {
          let iy = 2 &* ty &+ i &- g.padTop
          for j in 0..<4 {
            let ix = 2 &* tx &+ j &- g.padLeft
            let isInside = iy >= 0 && iy < g.inputHeight && ix >= 0 && ix < g.inputWidth
            pixels[i &* 4 &+ j] = isInside ? image + (iy &* g.inputWidth &+ ix) &* channels : zeros
          }
        }
        let output = transformed + tile &* channels
        forEachLaneBlock(channels) { c, width in
          @inline(__always) func column(_ j: Int) -> WinogradQuad {
            inputTransform(
              (
                loadLanes(pixels[j] + c, width: width), loadLanes(pixels[4 &+ j] + c, width: width),
                loadLanes(pixels[8 &+ j] + c, width: width), loadLanes(pixels[12 &+ j] + c, width: width)
              ))
          }
          // Bᵀ d, column by column, then (Bᵀ d) B row by row
          let columns = (column(0), column(1), column(2), column(3))
          @inline(__always) func store(row xi: Int, _ h: WinogradQuad) {
            let v = inputTransform(h)
            let first = output + (xi &* 4 &* matrixSize &+ c)
            storeLanes(v.0, first, width: width)
            storeLanes(v.1, first + matrixSize, width: width)
            storeLanes(v.2, first + 2 &* matrixSize, width: width)
            storeLanes(v.3, first + 3 &* matrixSize, width: width)
          }
          store(row: 0, (columns.0.0, columns.1.0, columns.2.0, columns.3.0))
          store(row: 1, (columns.0.1, columns.1.1, columns.2.1, columns.3.1))
          store(row: 2, (columns.0.2, columns.1.2, columns.2.2, columns.3.2))
          store(row: 3, (columns.0.3, columns.1.3, columns.2.3, columns.3.3))
        }
      }
    }
  }

  /// W = G₂ ∂y G₂ᵀ for every 2×2 tile of ∂output `[N, OH, OW, F]` in `rows`, into 16 matrices
  /// of tiles × F packed as the micro-kernels read B: matrix ξν's panel p holds filters
  /// p·panelWidth… of tile t at `[(ξν · panels + p) · panelWidth · tiles + t · panelWidth + j]`.
  /// Lanes past F in the last panel hold zeros or old values, and give sums nobody reads.
  /// `zeros` holds at least max(F, 16) zeros, read past the output's edges.
  func transformOutputGradient(
    _ outputGradient: UnsafePointer<Float>, rows: Range<Int>, zeros: UnsafePointer<Float>, panelWidth: Int,
    into transformed: UnsafeMutablePointer<Float>
  ) {
    let g = geometry
    let tiles = rows.count * tilesAcross
    let panels = (filters + panelWidth - 1) / panelWidth
    let matrixSize = panels * panelWidth * tiles
    forEachTile(in: rows) { tile, n, ty, tx in
      @inline(__always) func position(_ i: Int, _ j: Int) -> UnsafePointer<Float> {
        let (oy, ox) = (2 &* ty &+ i, 2 &* tx &+ j)
        guard oy < g.outputHeight && ox < g.outputWidth else { return zeros }
        return outputGradient + ((n &* g.outputHeight &+ oy) &* g.outputWidth &+ ox) &* filters
      }
      let (p00, p01, p10, p11) = (position(0, 0), position(0, 1), position(1, 0), position(1, 1))
      // Blocks of 16 filters never straddle a panel (16 or 32 wide); the last is zero-padded.
      for f in stride(from: 0, to: filters, by: 16) {
        let width = min(16, filters &- f)
        let (panel, lane) = f.quotientAndRemainder(dividingBy: panelWidth)
        let output = transformed + (panel &* panelWidth &* tiles &+ tile &* panelWidth &+ lane)
        // G₂ ∂y, column by column, then (G₂ ∂y) G₂ᵀ row by row
        let left = outputGradientTransform(loadLanes(p00 + f, width: width), loadLanes(p10 + f, width: width))
        let right = outputGradientTransform(loadLanes(p01 + f, width: width), loadLanes(p11 + f, width: width))
        @inline(__always) func store(row xi: Int, _ e0: WinogradLanes, _ e1: WinogradLanes) {
          let w = outputGradientTransform(e0, e1)
          let first = output + xi &* 4 &* matrixSize
          storeLanes(w.0, first, width: 16)
          storeLanes(w.1, first + matrixSize, width: 16)
          storeLanes(w.2, first + 2 &* matrixSize, width: 16)
          storeLanes(w.3, first + 3 &* matrixSize, width: 16)
        }
        store(row: 0, left.0, right.0)
        store(row: 1, left.1, right.1)
        store(row: 2, left.2, right.2)
        store(row: 3, left.3, right.3)
      }
    }
  }

  /// Y = Aᵀ M A for every tile of `rows` and every filter, from 16 matrices of tiles × F, into
  /// the output `[N, OH, OW, F]`; the outputs of a tile that fall past the edges are dropped.
  /// With `rectifies`, zero is written where Y is not positive (a ReLU fused into the write-back).
  func inverseTransformOutput(
    _ products: UnsafePointer<Float>, rows: Range<Int>, rectifies: Bool, into output: UnsafeMutablePointer<Float>
  ) {
    let g = geometry
    let matrixSize = rows.count * tilesAcross * filters
    forEachTile(in: rows) { tile, n, ty, tx in
      let (oy, ox) = (2 &* ty, 2 &* tx)
      let topLeft = output + ((n &* g.outputHeight &+ oy) &* g.outputWidth &+ ox) &* filters
      let hasRight = ox &+ 1 < g.outputWidth
      let hasBottom = oy &+ 1 < g.outputHeight
      let first = products + tile &* filters
      forEachLaneBlock(filters) { f, width in
        @inline(__always) func column(_ nu: Int) -> (WinogradLanes, WinogradLanes) {
          let m = first + (nu &* matrixSize &+ f)
          return outputTransform(
            (
              loadLanes(m, width: width), loadLanes(m + 4 &* matrixSize, width: width),
              loadLanes(m + 8 &* matrixSize, width: width), loadLanes(m + 12 &* matrixSize, width: width)
            ))
        }
        @inline(__always) func store(_ values: WinogradLanes, _ pointer: UnsafeMutablePointer<Float>) {
          storeLanes(rectifies ? values.replacing(with: 0, where: values .<= 0) : values, pointer, width: width)
        }
        // Aᵀ M, column by column, then (Aᵀ M) A row by row
        let columns = (column(0), column(1), column(2), column(3))
        let top = outputTransform((columns.0.0, columns.1.0, columns.2.0, columns.3.0))
        store(top.0, topLeft + f)
        if hasRight { store(top.1, topLeft + filters + f) }
        guard hasBottom else { return }
        let bottom = outputTransform((columns.0.1, columns.1.1, columns.2.1, columns.3.1))
        let below = topLeft + g.outputWidth &* filters
        store(bottom.0, below + f)
        if hasRight { store(bottom.1, below + filters + f) }
      }
    }
  }
}
