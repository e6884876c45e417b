// Placeholder until the PNG decoder lands in this folder; it refuses every file.
enum PNGDecoder: ImageCodec {
  static func info(_ bytes: [UInt8]) throws(ImageProblem) -> ImageInfo {
    throw .unsupportedFeature("PNG decoding (not written yet)")
  }

  static func decode(_ bytes: [UInt8], limits: DecodingLimits) throws(ImageProblem) -> Image {
    throw .unsupportedFeature("PNG decoding (not written yet)")
  }
}
