// Reading Windows bitmaps (BMP): the headers are in `BMPHeader.swift`, the palette and the
// channel masks in `BMPPalette.swift` and `BMPBitfields.swift`, the pixel data in `BMPRows.swift`
// (uncompressed) and `BMPRunLength.swift` (RLE8, RLE4).
//
// Channel rule: the decoded image has 4 channels (RGBA) when the file declares an alpha mask
// (BI_BITFIELDS with a V3 or later header, or BI_ALPHABITFIELDS), else 3 (RGB); palette images
// decode to RGB. At 32 bits, BI_RGB's 4th byte is ignored, as Pillow ignores it.

/// Decodes BMP files: 1-, 4- and 8-bit palette images (uncompressed or run-length compressed),
/// 16-bit 5-5-5 and any 16-, 24- or 32-bit bitfields, 24-bit BGR and 32-bit BGRX, bottom-up or
/// top-down, with any header from OS/2 1.x's 12 bytes to Windows V5's 124.
enum BMPDecoder: ImageCodec {
  /// Reads the headers: size, channels, bits per pixel, and the storage in words such as
  /// `palette, bottom-up` or `5-6-5 bitfields, top-down` (the bits per pixel are `bitDepth`).
  static func info(_ bytes: [UInt8]) throws(ImageProblem) -> ImageInfo {
    let header = try BMPHeader(parsing: bytes)
    return ImageInfo(
      format: .bmp, width: header.width, height: header.height, channels: header.channels,
      bitDepth: header.bitsPerPixel, details: details(of: header))
  }

  /// Decodes the whole image to 8-bit RGB or RGBA samples.
  ///
  /// - Throws: `tooLarge` when the size exceeds `limits` (checked before allocating), and the
  ///   problems `BMPHeader(parsing:)`, `decodeRows(from:)` and `decodeRunLengths(from:)` report.
  static func decode(_ bytes: [UInt8], limits: DecodingLimits) throws(ImageProblem) -> Image {
    let header = try BMPHeader(parsing: bytes)
    if let problem = limits.problem(width: header.width, height: header.height) { throw problem }
    let pixels =
      header.compression == .none ? try header.decodeRows(from: bytes) : try header.decodeRunLengths(from: bytes)
    return Image(width: header.width, height: header.height, channels: header.channels, pixels: pixels)
  }

  /// How the pixels are stored, for `ImageInfo.details`.
  static func details(of header: BMPHeader) -> String {
    let storage: String
    switch (header.pixelFormat, header.compression) {
    case (.palette, .runLength8): storage = "palette, run-length compressed (RLE8)"
    case (.palette, .runLength4): storage = "palette, run-length compressed (RLE4)"
    case (.palette, _): storage = "palette"
    case (.bitfields(let masks, isExplicit: true), _): storage = "\(masks.widths) bitfields"
    case (.bitfields, _): storage = header.bitsPerPixel == 16 ? "5-5-5" : header.bitsPerPixel == 24 ? "BGR" : "BGRX"
    }
    return "\(storage), \(header.isTopDown ? "top-down" : "bottom-up")"
  }
}
