// How Winograd F(2×2, 3×3) cuts a stride-1 3×3 convolution into tiles (the transforms that read
// and write the tiles are in WinogradTransforms.swift). Output tile (ty, tx) of image n covers output rows
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
}
