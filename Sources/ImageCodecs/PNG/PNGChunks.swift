// Lexing: a PNG file is an 8-byte signature followed by chunks. Each chunk is a 4-byte big-endian
// length, a 4-letter type, that many bytes of data, and the CRC-32 of the type and data.
import ZlibCodecs

/// The four-letter type of a PNG chunk, such as `IHDR`, kept as its four bytes in one number.
///
/// The case of each letter carries meaning: an uppercase first letter marks a critical chunk,
/// which a decoder must understand; a lowercase one marks an ancillary chunk, safe to skip.
struct PNGChunkType: Hashable, Sendable, CustomStringConvertible {
  /// The four bytes, first byte highest.
  let rawValue: UInt32

  /// Creates a type from its four bytes, first byte highest.
  init(rawValue: UInt32) {
    self.rawValue = rawValue
  }

  /// Creates a type from its four-letter name; `name` must be 4 ASCII characters.
  init(_ name: StaticString) {
    precondition(name.utf8CodeUnitCount == 4, "A PNG chunk type has 4 letters")
    self.rawValue = name.withUTF8Buffer { $0.reduce(0) { $0 << 8 | UInt32($1) } }
  }

  /// The image header: size, bit depth, colour type, interlacing.
  static let header = PNGChunkType("IHDR")
  /// The palette of a colour-type-3 image.
  static let palette = PNGChunkType("PLTE")
  /// Transparency: a transparent colour, or an alpha for each palette entry.
  static let transparency = PNGChunkType("tRNS")
  /// A piece of the zlib stream of filtered scanlines.
  static let imageData = PNGChunkType("IDAT")
  /// The end of the image.
  static let end = PNGChunkType("IEND")

  /// The four bytes, in file order.
  var bytes: [UInt8] {
    [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: rawValue >> $0) }
  }

  /// Whether a decoder must understand the chunk to show the image (its first letter is
  /// uppercase).
  var isCritical: Bool { rawValue & 0x2000_0000 == 0 }

  /// Whether all four bytes are ASCII letters, as the specification requires.
  var isWellFormed: Bool {
    bytes.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
  }

  /// The name, such as `IDAT`, or the bytes in hexadecimal when they are not all letters.
  var description: String {
    guard isWellFormed else {
      return "0x" + String(rawValue, radix: 16, uppercase: true)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// One chunk of a PNG file, whose CRC has been checked.
struct PNGChunk {
  /// The chunk's type.
  let type: PNGChunkType
  /// The chunk's data, a slice of the file's bytes.
  let data: ArraySlice<UInt8>
  /// Where the chunk starts in the file (at its length field), for error messages.
  let offset: Int
}

/// Reads the chunks of a PNG file one after another, checking the signature first, each chunk's
/// bounds and its CRC.
struct PNGChunkReader {
  /// The eight bytes every PNG file starts with.
  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  /// The largest chunk length the specification allows, 2³¹ − 1.
  static let maximumChunkLength = 0x7FFF_FFFF

  /// The whole file.
  private let bytes: [UInt8]
  /// Where the next chunk starts.
  private var position = signature.count
  /// The type of the chunk read last, for error messages.
  private var previousType: PNGChunkType?

  /// Creates a reader for a file's bytes.
  ///
  /// - Throws: `ImageProblem.invalidHeader` if the bytes do not start with the PNG signature.
  init(_ bytes: [UInt8]) throws(ImageProblem) {
    guard bytes.starts(with: Self.signature) else {
      let head = bytes.prefix(8).map {
        $0 < 16 ? "0" + String($0, radix: 16, uppercase: true) : String($0, radix: 16, uppercase: true)
      }.joined(separator: " ")
      throw .invalidHeader("a PNG file starts with 89 50 4E 47 0D 0A 1A 0A, but this one starts with \(head)")
    }
    self.bytes = bytes
  }

  /// Returns the next chunk, or nil when the file ends exactly after the previous one.
  ///
  /// - Throws: `truncated` if the file ends inside a chunk, `invalidHeader` for a length over
  ///   2³¹ − 1 or a type that is not four letters, `checksumMismatch` for a wrong CRC.
  mutating func next() throws(ImageProblem) -> PNGChunk? {
    let remaining = bytes.count - position
    guard remaining > 0 else { return nil }
    let after = previousType.map { " after chunk \($0)" } ?? " after the signature"
    guard remaining >= 8 else {
      throw .truncated("the file ends \(remaining) bytes into a chunk header, at byte \(bytes.count),\(after)")
    }
    let length = Int(readUInt32(at: position))
    let type = PNGChunkType(rawValue: readUInt32(at: position + 4))
    guard type.isWellFormed else {
      throw .invalidHeader("the chunk at byte \(position)\(after) has the type \(type), which is not four letters")
    }
    guard length <= Self.maximumChunkLength else {
      throw .invalidHeader("chunk \(type) at byte \(position) claims \(length) bytes, more than 2³¹ − 1")
    }
    let dataStart = position + 8
    guard length + 4 <= bytes.count - dataStart else {
      let present = max(0, min(length, bytes.count - dataStart))
      throw .truncated(
        "chunk \(type) at byte \(position) holds \(length) bytes and a CRC, but the file ends after \(present) of them")
    }
    let dataEnd = dataStart + length
    let stored = readUInt32(at: dataEnd)
    let computed = CRC32.checksum(bytes[(position + 4)..<dataEnd])
    guard stored == computed else {
      throw .checksumMismatch(what: "chunk \(type) at byte \(position)", stored: stored, computed: computed)
    }
    let chunk = PNGChunk(type: type, data: bytes[dataStart..<dataEnd], offset: position)
    position = dataEnd + 4
    previousType = type
    return chunk
  }

  /// The type of the next chunk, read from its header without reading its data, or nil if
  /// fewer than 8 bytes are left.
  func peekType() -> PNGChunkType? {
    guard bytes.count - position >= 8 else { return nil }
    return PNGChunkType(rawValue: readUInt32(at: position + 4))
  }

  // MARK: - Private helpers

  /// The big-endian 32-bit number at `offset`; the caller has checked that 4 bytes are there.
  private func readUInt32(at offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
  }
}
