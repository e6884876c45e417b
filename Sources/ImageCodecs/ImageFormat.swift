/// The image file formats this module knows by their first bytes, whatever the file is called.
public enum ImageFormat: String, Sendable, CaseIterable {
  /// Portable Network Graphics.
  case png = "PNG"
  /// Portable pixmap (colour), ASCII `P3` or binary `P6`.
  case ppm = "PPM"
  /// Portable graymap, ASCII `P2` or binary `P5`.
  case pgm = "PGM"
  /// Portable bitmap (black and white), ASCII `P1` or binary `P4`.
  case pbm = "PBM"
  /// JPEG (JFIF, EXIF or Adobe): baseline and progressive.
  case jpeg = "JPEG"
  /// Windows and OS/2 bitmap.
  case bmp = "BMP"
  /// Graphics Interchange Format; not decoded.
  case gif = "GIF"

  /// Whether this version can decode the format.
  public var isDecodable: Bool {
    codec != nil
  }

  /// The decoder of this format, or nil for one this module does not decode.
  var codec: ImageCodec.Type? {
    switch self {
    case .png: return PNGDecoder.self
    case .ppm, .pgm, .pbm: return PNMCodec.self
    case .jpeg: return JPEGDecoder.self
    case .bmp: return BMPDecoder.self
    case .gif: return nil
    }
  }

  /// Recognises a format from the first bytes of a file, or returns nil.
  ///
  ///     ImageFormat(detecting: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])   // .png
  public init?(detecting bytes: some Collection<UInt8>) {
    let head = Array(bytes.prefix(8))
    func starts(with signature: [UInt8]) -> Bool { head.starts(with: signature) }
    if starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      self = .png
    } else if starts(with: [0xFF, 0xD8, 0xFF]) {
      self = .jpeg
    } else if starts(with: Array("GIF87a".utf8)) || starts(with: Array("GIF89a".utf8)) {
      self = .gif
    } else if starts(with: Array("BM".utf8)) && head.count >= 6 {
      self = .bmp
    } else if head.count >= 3, head[0] == UInt8(ascii: "P"), Self.isWhitespace(head[2]) {
      switch head[1] {
      case UInt8(ascii: "3"), UInt8(ascii: "6"): self = .ppm
      case UInt8(ascii: "2"), UInt8(ascii: "5"): self = .pgm
      case UInt8(ascii: "1"), UInt8(ascii: "4"): self = .pbm
      default: return nil
      }
    } else {
      return nil
    }
  }

  /// The file-name extensions that usually mean this format, lowercased, without the dot.
  public var fileExtensions: [String] {
    switch self {
    case .png: return ["png"]
    case .ppm: return ["ppm"]
    case .pgm: return ["pgm"]
    case .pbm: return ["pbm"]
    case .jpeg: return ["jpg", "jpeg"]
    case .bmp: return ["bmp"]
    case .gif: return ["gif"]
    }
  }

  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
  }
}
