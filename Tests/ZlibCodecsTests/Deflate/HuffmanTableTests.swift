import Testing
import ZlibCodecsTestSupport

@testable import ZlibCodecs

/// The canonical Huffman decoder: the fast table lookup must agree with the bit-by-bit
/// reference on every code, short or long, and bad code lengths must be refused.
@Suite struct HuffmanTableTests {
  /// Code lengths of a random complete code for `symbolCount` symbols: start from one leaf and
  /// split leaves (the deepest one, half of the time, to reach long codes) until there are
  /// enough; then shuffle which symbol gets which length.
  static func randomCompleteLengths(symbolCount: Int, using generator: inout SeededGenerator) -> [Int] {
    var depths = [0]
    while depths.count < symbolCount {
      let candidates = depths.indices.filter { depths[$0] < 15 }
      let deepest = candidates.max { depths[$0] < depths[$1] }!
      let pick = Bool.random(using: &generator) ? deepest : candidates.randomElement(using: &generator)!
      let depth = depths.remove(at: pick) + 1
      depths += [depth, depth]
    }
    return depths.shuffled(using: &generator)
  }

  @Test func fastAndBitByBitDecodingAgreeOnRandomCodes() throws {
    var generator = SeededGenerator(state: 1950)
    for symbolCount in [2, 3, 19, 30, 100, 286] {
      let lengths = Self.randomCompleteLengths(symbolCount: symbolCount, using: &generator)
      let codes = InflateTestStreams.canonicalCodes(lengths)
      let message = (0..<500).map { _ in Int.random(in: 0..<symbolCount, using: &generator) }
      var writer = InflateTestStreams()
      for symbol in message { writer.code(codes[symbol], lengths[symbol]) }
      let table = try Inflate.HuffmanTable(codeLengths: lengths.map(UInt8.init)[...], name: "test")

      var fast = Inflate.BitReader(writer.bytes)
      var slow = Inflate.BitReader(writer.bytes)
      for expected in message {
        fast.refill()
        #expect(try table.decode(&fast) == expected)
        #expect(try table.decodeBitByBit(&slow) == expected)
      }
      #expect(lengths.max()! > Inflate.HuffmanTable.lookupBits || symbolCount < 100)
    }
  }

  @Test func fixedLiteralCodeMatchesRFC1951() throws {
    // RFC 1951, 3.2.6: 0 → 00110000, 143 → 10111111, 144 → 110010000, 255 → 111111111,
    // 256 → 0000000, 279 → 0010111, 280 → 11000000, 287 → 11000111.
    let cases = [
      (0, 0b0011_0000, 8), (143, 0b1011_1111, 8), (144, 0b1_1001_0000, 9), (255, 0b1_1111_1111, 9),
      (256, 0, 7), (279, 0b001_0111, 7), (280, 0b1100_0000, 8), (287, 0b1100_0111, 8),
    ]
    for (symbol, code, length) in cases {
      var writer = InflateTestStreams()
      writer.code(code, length)
      var reader = Inflate.BitReader(writer.bytes)
      reader.refill()
      #expect(try Inflate.fixedLiteralTable.decode(&reader) == symbol)
      #expect(reader.bufferedBitCount == writer.bytes.count * 8 - length)
    }
  }

  @Test func overSubscribedLengthsAreRefused() {
    #expect(throws: InflateError.self) { try Inflate.HuffmanTable(codeLengths: [1, 1, 1][...], name: "test") }
    #expect(throws: InflateError.self) { try Inflate.HuffmanTable(codeLengths: [2, 2, 2, 2, 3][...], name: "test") }
  }

  @Test func incompleteLengthsAreRefusedExceptALoneOneBitCode() throws {
    #expect(throws: InflateError.self) { try Inflate.HuffmanTable(codeLengths: [2, 2, 2][...], name: "test") }
    #expect(throws: InflateError.self) { try Inflate.HuffmanTable(codeLengths: [0, 2][...], name: "test") }
    let lone = try Inflate.HuffmanTable(codeLengths: [0, 1, 0][...], name: "distance")
    var reader = Inflate.BitReader([0b10])
    reader.refill()
    #expect(try lone.decode(&reader) == 1)
    let error = #expect(throws: InflateError.self) { try lone.decode(&reader) }
    #expect(error == .corrupt("a bit pattern that is no distance code"))
    #expect(throws: InflateError.self) {
      try Inflate.HuffmanTable(codeLengths: [0, 1, 0][...], name: "code-length", allowsSingleCode: false)
    }
  }

  @Test func anEmptyCodeBuildsButDecodesNothing() throws {
    let empty = try Inflate.HuffmanTable(codeLengths: [0, 0, 0][...], name: "distance")
    var reader = Inflate.BitReader([0xFF, 0xFF, 0xFF])
    reader.refill()
    #expect(throws: InflateError.self) { try empty.decode(&reader) }
  }

  @Test func aCodeCutShortByTheEndOfInputIsTruncated() throws {
    let table = try Inflate.HuffmanTable(codeLengths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12][...], name: "t")
    var reader = Inflate.BitReader([0xFF])  // eight 1 bits: the start of a 9-or-more-bit code
    reader.refill()
    let error = #expect(throws: InflateError.self) { try table.decode(&reader) }
    #expect(error?.caseName == "truncated")
  }
}
