/// The contents of a PNG's IHDR chunk: size, how each pixel is stored, and whether the image is
/// interlaced (PNG specification, section 11.2.2).
struct PNGHeader: Equatable {
  /// How a PNG stores each pixel; the raw value is the colour type byte in IHDR.
  enum ColorType: UInt8 {
    /// One gray sample (1, 2, 4, 8 or 16 bits).
    case gray = 0
    /// Red, green and blue samples (8 or 16 bits each).
    case rgb = 2
    /// One index into the PLTE palette (1, 2, 4 or 8 bits).
    case palette = 3
    /// A gray sample then an alpha sample (8 or 16 bits each).
    case grayAlpha = 4
    /// Red, green, blue and alpha samples (8 or 16 bits each).
    case rgba = 6

    /// The number of samples that make up one pixel in the file.
    var samplesPerPixel: Int {
      switch self {
      case .gray, .palette: return 1
      case .grayAlpha: return 2
      case .rgb: return 3
      case .rgba: return 4
      }
    }

    /// The bit depths the specification allows for this colour type.
    var allowedBitDepths: [Int] {
      switch self {
      case .gray: return [1, 2, 4, 8, 16]
      case .palette: return [1, 2, 4, 8]
      case .rgb, .grayAlpha, .rgba: return [8, 16]
      }
    }

    /// A short name for messages and `ImageInfo.details`: `gray`, `RGB`, `palette`….
    var name: String {
      switch self {
      case .gray: return "gray"
      case .rgb: return "RGB"
      case .palette: return "palette"
      case .grayAlpha: return "gray+alpha"
      case .rgba: return "RGBA"
      }
    }
  }

  /// The largest width or height the specification allows, 2³¹ − 1.
  static let maximumDimension = 0x7FFF_FFFF

  /// The number of columns, 1 to 2³¹ − 1.
  let width: Int
  /// The number of rows, 1 to 2³¹ − 1.
  let height: Int
  /// Bits per sample (per palette index for palette images): 1, 2, 4, 8 or 16.
  let bitDepth: Int
  /// How pixels are stored.
  let colorType: ColorType
  /// Whether the scanlines come in the seven passes of Adam7 interlacing.
  let isInterlaced: Bool

  /// Reads and checks the 13 bytes of an IHDR chunk.
  ///
  /// - Throws: `ImageProblem.invalidHeader` for a wrong length, a zero or too large size, a
  ///   colour type or bit depth that does not exist, or an unknown compression, filter or
  ///   interlace method.
  init(parsing data: ArraySlice<UInt8>) throws(ImageProblem) {
    guard data.count == 13 else {
      throw .invalidHeader("the IHDR chunk holds \(data.count) bytes instead of 13")
    }
    let field = Array(data)
    let width = field[0..<4].reduce(0) { $0 << 8 | Int($1) }
    let height = field[4..<8].reduce(0) { $0 << 8 | Int($1) }
    guard (1...Self.maximumDimension).contains(width), (1...Self.maximumDimension).contains(height) else {
      throw .invalidHeader("the image is \(width)×\(height) pixels; each side must be 1 to 2³¹ − 1")
    }
    guard let colorType = ColorType(rawValue: field[9]) else {
      throw .invalidHeader("colour type \(field[9]) does not exist (PNG has 0, 2, 3, 4 and 6)")
    }
    let bitDepth = Int(field[8])
    guard colorType.allowedBitDepths.contains(bitDepth) else {
      let allowed = colorType.allowedBitDepths.map(String.init).joined(separator: ", ")
      throw .invalidHeader(
        "a \(colorType.name) image (colour type \(field[9])) of bit depth \(bitDepth); allowed: \(allowed)")
    }
    guard field[10] == 0 else {
      throw .invalidHeader("compression method \(field[10]); PNG defines only 0 (zlib)")
    }
    guard field[11] == 0 else {
      throw .invalidHeader("filter method \(field[11]); PNG defines only 0 (adaptive, five filter types)")
    }
    guard field[12] <= 1 else {
      throw .invalidHeader("interlace method \(field[12]); PNG defines only 0 (none) and 1 (Adam7)")
    }
    self.init(width: width, height: height, bitDepth: bitDepth, colorType: colorType, isInterlaced: field[12] == 1)
  }

  /// Creates a header from its fields, which the caller has checked.
  init(width: Int, height: Int, bitDepth: Int, colorType: ColorType, isInterlaced: Bool) {
    self.width = width
    self.height = height
    self.bitDepth = bitDepth
    self.colorType = colorType
    self.isInterlaced = isInterlaced
  }

  // MARK: - Derived sizes

  /// Bits per pixel in the file: samples per pixel × bit depth (1 to 64).
  var bitsPerPixel: Int { colorType.samplesPerPixel * bitDepth }

  /// The distance, in bytes, between a byte and the byte it is predicted from by the Sub,
  /// Average and Paeth filters: the bytes of one pixel, but at least 1.
  var filterStride: Int { max(1, bitsPerPixel / 8) }

  /// The bytes of one scanline of `pixelCount` pixels, not counting its filter type byte; the
  /// last byte is padded when pixels are smaller than a byte.
  func bytesPerRow(pixelCount: Int) -> Int {
    (pixelCount * bitsPerPixel + 7) / 8
  }

  /// A short description for `ImageInfo.details`, such as `palette, interlaced` or `RGBA, 16-bit`.
  func details(hasTransparency: Bool) -> String {
    var parts = [colorType.name]
    if bitDepth != 8 { parts.append("\(bitDepth)-bit") }
    if hasTransparency { parts.append("tRNS transparency") }
    if isInterlaced { parts.append("interlaced") }
    return parts.joined(separator: ", ")
  }
}
