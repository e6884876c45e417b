// How Winograd F(2×2, 3×3) cuts a stride-1 3×3 convolution into tiles, and the per-tile
// transforms that read and write images (NHWC). Output tile (ty, tx) of image n covers output rows
// 2ty…2ty+1 and columns 2tx…2tx+1, and reads the 4×4 input pixels from row 2ty − padTop and
// column 2tx − padLeft; pixels outside the image read as zeros, and a last tile that hangs past
// the output's bottom or right edge has those outputs dropped. The tiles of one row of tiles
// of one image form a "tile row"; the batch's tile rows are numbered n · tilesDown + ty, and work
// is cut into chunks of whole tile rows.

/// The tiles of one convolution and the chunks its work is cut into.
struct WinogradTiling {
  /// The convolution: 3×3 window, stride 1, any padding.
  let geometry: WindowGeometry
  /// Output channels.
  let filters: Int
  /// Tiles down one image: ⌈OH / 2⌉.
  let tilesDown: Int
  /// Tiles across one image: ⌈OW / 2⌉.
  let tilesAcross: Int
  /// Tile rows in the batch.
  let tileRows: Int
  /// Tile rows per chunk: enough that one chunk's transformed input and products (16 · (C + F)
  /// floats per tile) fill about `chunkBytes`, so they stay in the core's cache between the
  /// transforms and the products.
  let rowsPerChunk: Int

  /// The bytes of transformed tiles one chunk aims at (the L2 cache is 2 MiB per core here).
  static let chunkBytes = 512 << 10

  /// Tiles `geometry`'s output over a batch of `batch` images.
  init(geometry: WindowGeometry, filters: Int, batch: Int) {
    precondition(
      geometry.windowHeight == 3 && geometry.windowWidth == 3 && geometry.strideY == 1 && geometry.strideX == 1,
      "Winograd F(2×2, 3×3) needs a 3×3 window with stride 1")
    self.geometry = geometry
    self.filters = filters
    tilesDown = (geometry.outputHeight + 1) / 2
    tilesAcross = (geometry.outputWidth + 1) / 2
    tileRows = batch * tilesDown
    let bytesPerTile = 16 * (geometry.channels + filters) * MemoryLayout<Float>.size
    rowsPerChunk = max(1, Self.chunkBytes / max(1, bytesPerTile * tilesAcross))
  }

  /// The number of chunks.
  var chunks: Int { (tileRows + rowsPerChunk - 1) / rowsPerChunk }

  /// The tile rows of chunk `chunk`.
  func rows(ofChunk chunk: Int) -> Range<Int> {
    (chunk * rowsPerChunk)..<min((chunk + 1) * rowsPerChunk, tileRows)
  }

  /// The most tiles a chunk holds.
  var tilesPerChunk: Int { rowsPerChunk * tilesAcross }

  /// Floats a buffer of 16 transformed matrices of `tilesPerChunk` rows of `width` needs.
  func transformedSize(width: Int) -> Int { 16 * tilesPerChunk * width }

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

  // MARK: - Per-tile transforms

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
  /// of tiles × F; `zeros` holds at least max(F, 16) zeros, read past the output's edges.
  func transformOutputGradient(
    _ outputGradient: UnsafePointer<Float>, rows: Range<Int>, zeros: UnsafePointer<Float>,
    into transformed: UnsafeMutablePointer<Float>
  ) {
    let g = geometry
    let matrixSize = rows.count * tilesAcross * filters
    forEachTile(in: rows) { tile, n, ty, tx in
      @inline(__always) func position(_ i: Int, _ j: Int) -> UnsafePointer<Float> {
        let (oy, ox) = (2 &* ty &+ i, 2 &* tx &+ j)
        guard oy < g.outputHeight && ox < g.outputWidth else { return zeros }
        return outputGradient + ((n &* g.outputHeight &+ oy) &* g.outputWidth &+ ox) &* filters
      }
      let (p00, p01, p10, p11) = (position(0, 0), position(0, 1), position(1, 0), position(1, 1))
      let output = transformed + tile &* filters
      forEachLaneBlock(filters) { f, width in
        // G₂ ∂y, column by column, then (G₂ ∂y) G₂ᵀ row by row
        let left = outputGradientTransform(loadLanes(p00 + f, width: width), loadLanes(p10 + f, width: width))
        let right = outputGradientTransform(loadLanes(p01 + f, width: width), loadLanes(p11 + f, width: width))
        @inline(__always) func store(row xi: Int, _ e0: WinogradLanes, _ e1: WinogradLanes) {
          let w = outputGradientTransform(e0, e1)
          let first = output + (xi &* 4 &* matrixSize &+ f)
          storeLanes(w.0, first, width: width)
          storeLanes(w.1, first + matrixSize, width: width)
          storeLanes(w.2, first + 2 &* matrixSize, width: width)
          storeLanes(w.3, first + 3 &* matrixSize, width: width)
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
  func inverseTransformOutput(
    _ products: UnsafePointer<Float>, rows: Range<Int>, into output: UnsafeMutablePointer<Float>
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
        // Aᵀ M, column by column, then (Aᵀ M) A row by row
        let columns = (column(0), column(1), column(2), column(3))
        let top = outputTransform((columns.0.0, columns.1.0, columns.2.0, columns.3.0))
        storeLanes(top.0, topLeft + f, width: width)
        if hasRight { storeLanes(top.1, topLeft + filters + f, width: width) }
        guard hasBottom else { return }
        let bottom = outputTransform((columns.0.1, columns.1.1, columns.2.1, columns.3.1))
        let below = topLeft + g.outputWidth &* filters
        storeLanes(bottom.0, below + f, width: width)
        if hasRight { storeLanes(bottom.1, below + filters + f, width: width) }
      }
    }
  }
}
