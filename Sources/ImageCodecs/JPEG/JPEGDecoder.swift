/// Decodes JPEG files (ITU-T T.81 with JFIF, EXIF and Adobe markers) to 8-bit gray or RGB.
///
/// Supported: baseline (SOF0), extended 8-bit (SOF1) and progressive (SOF2) Huffman coding;
/// 1 (gray), 3 (YCbCr or RGB) and 4 (Adobe CMYK or YCCK) components, any sampling factors 1…4
/// that divide each other; restart intervals; 8- and 16-bit quantisation tables. Rejected with
/// `.unsupportedFeature`: lossless, hierarchical and arithmetic-coded files, and 12-bit samples.
///
/// The work goes in stages, each in its own file:
/// 1. `JPEGSegmentReader` splits the file into marker segments;
/// 2. `JPEGDatastream` reads tables (`JPEGQuantizationTable`, `JPEGHuffmanTable`), the frame
///    header (`JPEGFrameHeader`) and each scan header (`JPEGScanHeader`);
/// 3. `JPEGScanDecoder` decodes each scan's Huffman-coded data (`JPEGBitReader`) into
///    `JPEGCoefficients`, sequential and progressive alike;
/// 4. `JPEGImageAssembler` runs the inverse DCT (`JPEGIDCT`), upsamples chroma
///    (`JPEGUpsampling`) and converts colours (`JPEGColorTransform`).
///
/// Pixels match libjpeg-turbo's `djpeg` (accurate integer IDCT, fancy upsampling); the tests
/// record how closely. A file that ends early, even between progressive scans, is not decoded:
/// it throws `.truncated`, as TensorFlow and Pillow do by default, rather than coming back with
/// grey blocks.
///
///     let image = try JPEGDecoder.decode(bytes, limits: .standard)
enum JPEGDecoder: ImageCodec {
  /// Reads the headers up to the first scan: size, channels and a description such as
  /// `baseline, 4:2:0` or `progressive, 4:4:4, restarts`.
  ///
  /// - Throws: `ImageProblem` for a damaged or unsupported file.
  static func info(_ bytes: [UInt8]) throws(ImageProblem) -> ImageInfo {
    let datastream = try JPEGDatastream.readHeaders(bytes)
    guard let frame = datastream.frame else { throw .invalidHeader("the file has no frame header (SOF segment)") }
    let transform = datastream.colorTransform
    var details = [frame.process.rawValue]
    switch transform {
    case .gray: details.append("gray")
    case .yCbCr: details.append(frame.samplingName)
    case .rgb: details += ["RGB", frame.samplingName]
    case .cmyk, .ycck: details += ["\(transform.rawValue) (Adobe)", frame.samplingName]
    }
    if datastream.usesRestarts {
      details.append("restarts")
    }
    return ImageInfo(
      format: .jpeg, width: frame.width, height: frame.height, channels: transform.outputChannels, bitDepth: 8,
      details: details.joined(separator: ", "))
  }

  /// Decodes a JPEG file at full size.
  ///
  /// - Throws: `ImageProblem` for the first thing wrong with the file (see `decode(_:limits:scale:)`).
  static func decode(_ bytes: [UInt8], limits: DecodingLimits) throws(ImageProblem) -> Image {
    try decode(bytes, limits: limits, scale: 1)
  }

  /// Decodes a JPEG file at 1/`scale` of its size (`scale` 1, 2, 4 or 8), in the DCT domain: each
  /// 8×8 block becomes (8/scale)² samples from its lowest frequencies, so a smaller image costs
  /// less work. The result is ceil(width/scale) × ceil(height/scale), like `djpeg -scale 1/N`.
  ///
  /// The size is checked against `limits` before anything of the image's size is allocated.
  ///
  /// - Throws: `.truncated` when the file ends before its end-of-image marker, `.tooLarge`,
  ///   `.unsupportedFeature`, `.invalidHeader` or `.corruptCompressedData` otherwise.
  /// - Precondition: `scale` is 1, 2, 4 or 8.
  static func decode(_ bytes: [UInt8], limits: DecodingLimits, scale: Int) throws(ImageProblem) -> Image {
    precondition([1, 2, 4, 8].contains(scale), "JPEG scale must be 1, 2, 4 or 8, not \(scale)")
    let decoded = try JPEGDatastream.decodeScans(bytes, limits: limits)
    return try JPEGImageAssembler.makeImage(decoded, scale: scale)
  }
}
