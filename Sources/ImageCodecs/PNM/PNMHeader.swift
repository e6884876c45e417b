// The header of a Netpbm bitmap, graymap or pixmap (the PBM, PGM and PPM pages of the Netpbm
// documentation):
//
//     P6            magic number: P1/P2/P3 plain (ASCII) bitmap/gray/colour, P4/P5/P6 binary
//     # a comment   from '#' to the end of the line, allowed between any two tokens
//     640 427       width and height, in decimal
//     255           maxval, the sample value meaning full intensity: 1...65535 (not in a bitmap)
//
// Tokens are separated by any amount of whitespace (space, tab, CR, LF, VT, FF). In binary files
// exactly one whitespace byte follows the last field (maxval, or a bitmap's height), and the
// samples start right after it: one byte each when maxval < 256, otherwise two, most significant
// first; a bitmap's pixels are bits (see `PNMBitmap.swift`).

/// What the header of a PBM, PGM or PPM file says, and where its samples begin.
struct PNMHeader: Equatable {
  /// The magic number's digit: 1 to 6.
  let kind: UInt8
  /// The number of columns, at least 1.
  let width: Int
  /// The number of rows, at least 1.
  let height: Int
  /// The sample value for full intensity, 1...65535; 1 for a bitmap, whose header has none.
  let maxval: Int
  /// The offset of the first byte after the header (the single whitespace byte after maxval).
  let rasterStart: Int

  /// Whether the samples are bytes or bits (P4, P5, P6) rather than text (P1, P2, P3).
  var isBinary: Bool { kind >= 4 }
  /// Whether the image is a black-and-white bitmap (P1, P4).
  var isBitmap: Bool { kind == 1 || kind == 4 }
  /// 3 for a pixmap (P3, P6), 1 for a graymap or a bitmap.
  var channels: Int { kind == 3 || kind == 6 ? 3 : 1 }
  /// `.ppm`, `.pgm` or `.pbm`.
  var format: ImageFormat { isBitmap ? .pbm : channels == 3 ? .ppm : .pgm }
  /// Bytes per binary sample: 1 when maxval < 256, else 2.
  var bytesPerSample: Int { maxval < 256 ? 1 : 2 }
  /// Bits per sample in the file: 1 for a bitmap, else 8 or 16.
  var bitDepth: Int { isBitmap ? 1 : bytesPerSample * 8 }

  /// Reads the header at the start of `bytes`.
  ///
  /// - Throws: `unsupportedFeature` for the other Netpbm kinds (PAM P7, float PFM),
  ///   `invalidHeader` for a missing or malformed field, `truncated` if the file ends inside the
  ///   header.
  init(parsing bytes: [UInt8]) throws(ImageProblem) {
    guard bytes.count >= 2, bytes[0] == UInt8(ascii: "P") else {
      throw .invalidHeader("a PBM, PGM or PPM file starts with P1 to P6")
    }
    switch bytes[1] {
    case UInt8(ascii: "1")...UInt8(ascii: "6"):
      kind = bytes[1] - UInt8(ascii: "0")
    case UInt8(ascii: "7"):
      throw .unsupportedFeature("the PAM format (P7)")
    case UInt8(ascii: "F"), UInt8(ascii: "f"):
      throw .unsupportedFeature("the floating-point PFM format")
    default:
      throw .invalidHeader("a PBM, PGM or PPM file starts with P1 to P6, not P\(Self.shown(bytes[1]))")
    }
    var cursor = PNMTokenCursor(bytes: bytes, position: 2)
    guard cursor.position < bytes.count, ImageFormat.isWhitespace(bytes[cursor.position]) else {
      throw .invalidHeader("the magic number P\(kind) must be followed by whitespace")
    }
    width = try cursor.readHeaderNumber(named: "width")
    height = try cursor.readHeaderNumber(named: "height")
    if kind == 1 || kind == 4 {
      maxval = 1
    } else {
      maxval = try cursor.readHeaderNumber(named: "maxval")
    }
    guard width > 0, height > 0 else { throw .invalidHeader("the image is \(width)×\(height) pixels") }
    guard (1...65535).contains(maxval) else {
      throw .invalidHeader("the maxval is \(maxval), but it must be 1 to 65535")
    }
    // The single whitespace byte after the last field (or the line end of a comment right after it).
    try cursor.skipSeparatorAfterLastField()
    rasterStart = cursor.position
  }

  /// A byte as a printable character, or its hexadecimal value.
  static func shown(_ byte: UInt8) -> String {
    (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16, uppercase: true)
  }
}

/// Reads the whitespace-separated decimal numbers of a Netpbm header or plain raster, skipping
/// `#` comments.
struct PNMTokenCursor {
  /// The whole file.
  let bytes: [UInt8]
  /// The offset of the next byte to read.
  var position: Int

  /// The most digits a number may have; more means a damaged file, not a large image.
  static let maximumDigits = 9

  /// Skips whitespace and comments; returns false at the end of the file.
  mutating func skipToToken() -> Bool {
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "#") {
        while position < bytes.count && bytes[position] != 0x0A && bytes[position] != 0x0D {
          position += 1
        }
      } else if ImageFormat.isWhitespace(byte) {
        position += 1
      } else {
        return true
      }
    }
    return false
  }

  /// What `nextToken()` found.
  enum Token: Equatable {
    /// A decimal number of at most `maximumDigits` digits.
    case number(Int)
    /// Nothing more: only whitespace and comments were left.
    case endOfFile
    /// Something else starts at `offset`.
    case notANumber(offset: Int)
  }

  /// Reads the next token: a decimal number ending at whitespace, a comment or the end of the
  /// file. On anything else the cursor stays where that token starts.
  mutating func nextToken() -> Token {
    guard skipToToken() else { return .endOfFile }
    let start = position
    var value = 0
    while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]),
      position - start < Self.maximumDigits
    {
      value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
      position += 1
    }
    let endsWell =
      position == bytes.count || ImageFormat.isWhitespace(bytes[position]) || bytes[position] == UInt8(ascii: "#")
    guard position > start, endsWell else {
      position = start
      return .notANumber(offset: start)
    }
    return .number(value)
  }

  /// Reads the header field `name`, or throws saying what was found instead.
  mutating func readHeaderNumber(named name: String) throws(ImageProblem) -> Int {
    switch nextToken() {
    case .number(let value):
      return value
    case .endOfFile:
      throw .truncated("the header ends before the \(name)")
    case .notANumber(let offset):
      throw .invalidHeader(
        "the \(name) should be a number of up to \(Self.maximumDigits) digits, "
          + "but the header has '\(tokenText(at: offset))' at byte \(offset)")
    }
  }

  /// The token at `offset` (its first 12 bytes at most), printable, for messages.
  func tokenText(at offset: Int) -> String {
    var text = ""
    var index = offset
    while index < bytes.count, index < offset + 12, !ImageFormat.isWhitespace(bytes[index]) {
      text += PNMHeader.shown(bytes[index])
      index += 1
    }
    return text
  }

  /// Steps over the one whitespace byte that ends the header, or over a comment and its line end.
  mutating func skipSeparatorAfterLastField() throws(ImageProblem) {
    guard position < bytes.count else { throw .truncated("the file ends right after the header") }
    if bytes[position] == UInt8(ascii: "#") {
      while position < bytes.count && bytes[position] != 0x0A && bytes[position] != 0x0D {
        position += 1
      }
      guard position < bytes.count else { throw .truncated("the file ends inside the header's last comment") }
    }
    position += 1
  }
}
