/// Where each pass's scanlines sit in a PNG's decompressed image data, and how many bytes that
/// data must hold in all.
///
/// Each pass (one for a plain image, seven for Adam7) stores `height` scanlines of a filter type
/// byte and `bytesPerRow` bytes, straight after the previous pass. A pass with no columns or no
/// rows, as small interlaced images have, takes no bytes at all, not even filter type bytes.
struct PNGScanlineLayout {
  /// One pass of scanlines in the decompressed data.
  struct Pass {
    /// Which pixels of the image the pass covers.
    let geometry: InterlacePass
    /// The pass's columns.
    let width: Int
    /// The pass's rows (scanlines).
    let height: Int
    /// The bytes of each scanline, not counting its filter type byte.
    let bytesPerRow: Int
    /// Where the pass's first scanline (its filter type byte) starts.
    let start: Int
  }

  /// The passes that hold at least one pixel, in file order.
  let passes: [Pass]
  /// The exact size of the decompressed data.
  let byteCount: Int

  /// Lays out the scanlines of the image that `header` describes, or returns nil if the byte
  /// count does not fit in an `Int` (only possible with absurdly generous `DecodingLimits`).
  init?(_ header: PNGHeader) {
    var passes: [Pass] = []
    var offset = 0
    for geometry in InterlacePass.passes(interlaced: header.isInterlaced) {
      let width = geometry.width(inImageOfWidth: header.width)
      let height = geometry.height(inImageOfHeight: header.height)
      guard width > 0 && height > 0 else { continue }
      let bytesPerRow = header.bytesPerRow(pixelCount: width)
      passes.append(Pass(geometry: geometry, width: width, height: height, bytesPerRow: bytesPerRow, start: offset))
      let (passBytes, overflow) = height.multipliedReportingOverflow(by: bytesPerRow + 1)
      guard !overflow, passBytes <= Int.max - offset else { return nil }
      offset += passBytes
    }
    self.passes = passes
    self.byteCount = offset
  }
}
