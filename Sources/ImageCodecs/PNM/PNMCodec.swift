// Placeholder until the PPM/PGM codec lands in this folder; it refuses every file.
enum PNMCodec: ImageCodec {
  static func info(_ bytes: [UInt8]) throws(ImageProblem) -> ImageInfo {
    throw .unsupportedFeature("PPM/PGM decoding (not written yet)")
  }

  static func decode(_ bytes: [UInt8], limits: DecodingLimits) throws(ImageProblem) -> Image {
    throw .unsupportedFeature("PPM/PGM decoding (not written yet)")
  }

  static func encode(_ image: Image, as format: ImageFormat) throws(ImageProblem) -> [UInt8] {
    throw .cannotEncode("PPM/PGM encoding is not written yet")
  }
}
