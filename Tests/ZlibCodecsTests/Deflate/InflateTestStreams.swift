@testable import ZlibCodecs

/// Builds small DEFLATE streams bit by bit for the inflate tests, including deliberately broken
/// ones that no real compressor writes. Its canonical-code builder is written independently of
/// `Inflate.HuffmanTable`, straight from RFC 1951 section 3.2.2.
struct InflateTestStreams {
  /// The bits written so far, one per element, in stream order.
  private(set) var bits: [UInt8] = []

  /// Appends a header field or extra bits: `count` bits of `value`, lowest first.
  mutating func field(_ value: Int, _ count: Int) {
    for bit in 0..<count { bits.append(UInt8((value >> bit) & 1)) }
  }

  /// Appends a Huffman code of `length` bits, highest bit first.
  mutating func code(_ value: Int, _ length: Int) {
    for bit in (0..<length).reversed() { bits.append(UInt8((value >> bit) & 1)) }
  }

  /// Appends a fixed-Huffman literal/length symbol (RFC 1951, section 3.2.6).
  mutating func fixedSymbol(_ symbol: Int) {
    switch symbol {
    case 0...143: code(0x30 + symbol, 8)
    case 144...255: code(0x190 + symbol - 144, 9)
    case 256...279: code(symbol - 256, 7)
    default: code(0xC0 + symbol - 280, 8)
    }
  }

  /// The bits packed into bytes, lowest bit first, the last byte padded with zeros.
  var bytes: [UInt8] {
    stride(from: 0, to: bits.count, by: 8).map { start in
      bits[start..<min(start + 8, bits.count)].enumerated().reduce(UInt8(0)) { $0 | $1.element << $1.offset }
    }
  }

  /// The canonical code of each symbol, given the code lengths (0: no code): codes of one
  /// length are consecutive, shorter codes come first, and ties go in symbol order.
  static func canonicalCodes(_ lengths: [Int]) -> [Int] {
    var codes = [Int](repeating: 0, count: lengths.count)
    var next = 0
    for length in 1...15 {
      for symbol in lengths.indices where lengths[symbol] == length {
        codes[symbol] = next
        next += 1
      }
      next <<= 1
    }
    return codes
  }

  /// Appends a dynamic block header (BTYPE 2, after BFINAL) describing `literalLengths` and
  /// `distanceLengths`, each length sent as its own code-length symbol (no runs), with a
  /// complete code-length code of 4- and 5-bit codes unless `codeLengthLengths` overrides it.
  mutating func dynamicHeader(
    literalLengths: [Int], distanceLengths: [Int], codeLengthLengths: [Int]? = nil, isFinal: Bool = true
  ) {
    field(isFinal ? 1 : 0, 1)
    field(2, 2)
    field(literalLengths.count - 257, 5)
    field(distanceLengths.count - 1, 5)
    field(19 - 4, 4)
    // 13 codes of 4 bits and 6 of 5 bits: 13/16 + 6/32 = 1, a complete code.
    let lengths = codeLengthLengths ?? (0..<19).map { $0 < 13 ? 4 : 5 }
    for symbol in Inflate.codeLengthOrder { field(lengths[symbol], 3) }
    let codes = Self.canonicalCodes(lengths)
    for length in literalLengths + distanceLengths {
      code(codes[length], lengths[length])
    }
  }

  /// A zlib stream around `deflate`, with the Adler-32 of `content` as its trailer.
  static func zlib(_ deflate: [UInt8], content: [UInt8]) -> [UInt8] {
    let adler = Adler32.checksum(content)
    return [0x78, 0x01] + deflate + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: adler >> $0) }
  }
}
