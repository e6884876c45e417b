// The 16 products of Winograd's passes on the packed product's micro-kernels
// (PackedMatrixMultiply.swift):
//   forward   M[ξν]  = V[ξν] · U[ξν]     tiles × F, C terms
//   ∂kernel   S[ξν] += V[ξν]ᵀ · W[ξν]    C × F, one term per tile
// A chunk's products are short, so `PackedMatrixMultiply.multiply` would pack U (or V and W)
// again for every chunk, as much work as the products themselves: here U is packed once per
// call, W is written packed by its transform, and V, written row-major by the input transform,
// is read in place (eight tiles, or for Vᵀ eight channels, at a time). Each value is summed over
// its terms in order, whichever thread computes it.

/// The 16 products of one Winograd convolution on the micro-kernels: the forward pass's
/// V · U, with U packed once per call into the panels the micro-kernels read (and the bias
/// padded to whole panels), and the kernel gradient's Vᵀ · W, with W packed the same way by
/// its transform.
struct WinogradProducts {
  /// Input channels: the depth of each product.
  let channels: Int
  /// Output channels.
  let filters: Int
  /// Columns per panel: 16 for at most 16 filters, else 32.
  let panelWidth: Int
  /// Panels per matrix.
  let panels: Int

  /// Lays out the packing of a kernel of `channels` × `filters` per matrix.
  init(channels: Int, filters: Int) {
    self.channels = channels
    self.filters = filters
    panelWidth =
      filters <= PackedMatrixMultiply.narrowTileColumns
      ? PackedMatrixMultiply.narrowTileColumns
      : PackedMatrixMultiply.tileColumns
    panels = (filters + panelWidth - 1) / panelWidth
  }

  /// Floats one packed matrix takes.
  var matrixSize: Int { panels * panelWidth * channels }

  /// Floats the 16 packed matrices and the padded bias take.
  var size: Int { 16 * matrixSize + panels * panelWidth }

  /// Packs the 16 C × F matrices of `transformed` (see `winogradTransformKernel`) and `bias`
  /// (zeros without one) into `packed`, which has room for `size` floats.
  func pack(
    _ transformed: UnsafePointer<Float>, bias: UnsafePointer<Float>?, into packed: UnsafeMutablePointer<Float>
  ) {
    for element in 0..<16 {
      let matrix = MatrixOperand(
        base: transformed + element * channels * filters, rowStride: filters, columnStride: 1)
      PackedMatrixMultiply.packB(
        matrix, rows: 0..<channels, columns: filters, panelWidth: panelWidth, into: packed + element * matrixSize)
    }
    let paddedBias = packed + 16 * matrixSize
    paddedBias.update(repeating: 0, count: panels * panelWidth)
    if let bias { paddedBias.update(from: bias, count: filters) }
  }

  /// M[ξν] = V[ξν] · U[ξν] for the 16 matrices of `count` tiles × C in `tiles`, into the 16 of
  /// `count` tiles × F in `products`; product ξν = (1, 1) starts from the bias. `tiles` must
  /// have 8 · C readable floats past its last matrix: a last sliver of fewer than eight tiles
  /// is read whole, and its extra rows' sums are not written.
  func multiply(
    _ tiles: UnsafePointer<Float>, count: Int, by packed: UnsafePointer<Float>,
    into products: UnsafeMutablePointer<Float>
  ) {
    let bias = packed + 16 * matrixSize
    for element in 0..<16 {
      let a = tiles + element * count * channels
      let b = packed + element * matrixSize
      let c = products + element * count * filters
      for row in stride(from: 0, to: count, by: PackedMatrixMultiply.tileRows) {
        let sliver = TileRows(base: a + row * channels, rowStride: channels, termStride: 1)
        let rows = min(PackedMatrixMultiply.tileRows, count - row)
        for column in stride(from: 0, to: filters, by: panelWidth) {
          let start = element == 5 ? bias + column : nil
          if panelWidth == PackedMatrixMultiply.narrowTileColumns {
            PackedMatrixMultiply.multiplyNarrowTile(
              depth: channels, sliver, b + column * channels, into: c + row * filters + column, ldc: filters,
              rows: rows, columns: filters - column, adds: false, startingAt: start)
          } else {
            PackedMatrixMultiply.multiplyTile(
              depth: channels, sliver, b + column * channels, into: c + row * filters + column, ldc: filters,
              rows: rows, columns: min(panelWidth, filters - column), adds: false, startingAt: start)
          }
        }
      }
    }
  }

  /// Floats the 16 matrices of ∂output tiles take, packed for `accumulateKernelGradient`
  /// (see `WinogradTiling.transformOutputGradient`), for `tiles` tiles.
  func packedGradientSize(tiles: Int) -> Int { 16 * panels * panelWidth * tiles }

  /// S[ξν] (+)= V[ξν]ᵀ · W[ξν] for the 16 matrices of `count` tiles × C in `tiles` (read in
  /// place, eight channels at a time) and of `count` tiles × F packed in `gradients`, into the 16
  /// C × F matrices of `sums`: overwritten, or added to when `adds`. `tiles` must have 8 readable
  /// floats past its last matrix, as `multiply` needs. Each sum adds the tiles in order.
  func accumulateKernelGradient(
    _ tiles: UnsafePointer<Float>, count: Int, _ gradients: UnsafePointer<Float>,
    into sums: UnsafeMutablePointer<Float>, adds: Bool
  ) {
    for element in 0..<16 {
      let a = tiles + element * count * channels
      let b = gradients + element * panels * panelWidth * count
      let c = sums + element * channels * filters
      for channel in stride(from: 0, to: channels, by: PackedMatrixMultiply.tileRows) {
        let sliver = TileRows(base: a + channel, rowStride: 1, termStride: channels)
        let rows = min(PackedMatrixMultiply.tileRows, channels - channel)
        for column in stride(from: 0, to: filters, by: panelWidth) {
          let output = c + channel * filters + column
          if panelWidth == PackedMatrixMultiply.narrowTileColumns {
            PackedMatrixMultiply.multiplyNarrowTile(
              depth: count, sliver, b + column * count, into: output, ldc: filters, rows: rows,
              columns: filters - column, adds: adds, startingAt: nil)
          } else {
            PackedMatrixMultiply.multiplyTile(
              depth: count, sliver, b + column * count, into: output, ldc: filters, rows: rows,
              columns: min(panelWidth, filters - column), adds: adds, startingAt: nil)
          }
        }
      }
    }
  }
}
