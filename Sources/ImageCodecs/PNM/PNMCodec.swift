// Reading Netpbm bitmaps (PBM), graymaps (PGM) and pixmaps (PPM), and writing the last two: the
// header is in `PNMHeader.swift`, the samples and their scaling to 8 bits in `PNMRaster.swift`,
// a bitmap's bits in `PNMBitmap.swift`.

/// Decodes plain and binary PBM, PGM and PPM files (P1 to P6; PGM and PPM of any maxval) to 8-bit
/// images, and encodes gray images as binary PGM and RGB images as binary PPM.
enum PNMCodec: ImageCodec {
  /// Reads the header: size, channels (1 for PBM and PGM, 3 for PPM), 1, 8 or 16 bits per sample.
  static func info(_ bytes: [UInt8]) throws(ImageProblem) -> ImageInfo {
    let header = try PNMHeader(parsing: bytes)
    let kind = "\(header.isBinary ? "binary" : "plain (ASCII)") P\(header.kind)"
    return ImageInfo(
      format: header.format, width: header.width, height: header.height, channels: header.channels,
      bitDepth: header.bitDepth, details: header.isBitmap ? kind : kind + ", maxval \(header.maxval)")
  }

  /// Decodes the whole image, samples scaled to 0...255 (see `PNMRaster.swift` for the rule); a
  /// bitmap's black pixels become 0 and its white ones 255.
  ///
  /// - Throws: `tooLarge` when the size exceeds `limits` (checked before allocating), and the
  ///   problems `PNMHeader(parsing:)`, `readSamples(from:)` and `readBits(from:)` report.
  static func decode(_ bytes: [UInt8], limits: DecodingLimits) throws(ImageProblem) -> Image {
    let header = try PNMHeader(parsing: bytes)
    if let problem = limits.problem(width: header.width, height: header.height) { throw problem }
    let samples = try header.isBitmap ? header.readBits(from: bytes) : header.readSamples(from: bytes)
    return Image(width: header.width, height: header.height, channels: header.channels, pixels: samples)
  }

  /// Returns a binary PGM (P5) of a gray image, or a binary PPM (P6) of an RGB image, with
  /// maxval 255.
  ///
  /// - Throws: `cannotEncode` when the image's channels do not fit the format, saying how to
  ///   convert it.
  static func encode(_ image: Image, as format: ImageFormat) throws(ImageProblem) -> [UInt8] {
    let magic: String
    switch (format, image.channels) {
    case (.pgm, 1): magic = "P5"
    case (.ppm, 3): magic = "P6"
    case (.pgm, let channels):
      throw .cannotEncode(
        "PGM holds gray images (1 channel), but this one has \(channels) (\(channelNames(channels))). "
          + "Convert it with `converted(toChannels: 1)`, or save it as .png, which keeps every channel")
    case (.ppm, let channels):
      let advice =
        channels == 4
        ? "Drop the alpha channel with `converted(toChannels: 3)`"
        : "Convert it with `converted(toChannels: 3)`, or save it as .pgm"
      throw .cannotEncode(
        "PPM holds RGB images (3 channels), but this one has \(channels) (\(channelNames(channels))). "
          + advice + ", or save it as .png, which keeps every channel")
    default:
      throw .cannotEncode("the Netpbm writer writes PGM and PPM, not \(format.rawValue)")
    }
    return Array("\(magic)\n\(image.width) \(image.height)\n255\n".utf8) + image.pixels
  }

  /// What the channels of an image with `channels` channels are.
  static func channelNames(_ channels: Int) -> String {
    ["gray", "gray and alpha", "red, green, blue", "red, green, blue and alpha"][channels - 1]
  }
}
