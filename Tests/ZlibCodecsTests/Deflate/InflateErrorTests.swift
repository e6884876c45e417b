import Testing

@testable import ZlibCodecs

/// Broken zlib and DEFLATE streams: each must throw its `InflateError`, never trap or hang.
@Suite struct InflateErrorTests {
  /// Decompresses `stream` and returns the problem it throws, recording an issue if none.
  static func problem(_ stream: [UInt8], limit: Int = 1 << 20) -> InflateError? {
    #expect(throws: InflateError.self) { try Inflate.zlibDecompress(stream, maximumOutputCount: limit) }
  }

  /// Expects `stream` to fail with `corrupt` whose detail contains `detail`.
  static func expectCorrupt(_ stream: [UInt8], _ detail: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let error = problem(stream)
    #expect(error?.caseName == "corrupt", sourceLocation: sourceLocation)
    #expect(
      error?.detail.contains(detail) == true, "\(String(describing: error))",
      sourceLocation: sourceLocation)
  }

  /// A final fixed-Huffman block whose symbols `body` writes, wrapped in zlib.
  static func fixedBlock(_ body: (inout InflateTestStreams) -> Void) -> [UInt8] {
    var writer = InflateTestStreams()
    writer.field(1, 1)
    writer.field(1, 2)
    body(&writer)
    return InflateTestStreams.zlib(writer.bytes, content: [])
  }

  /// A final dynamic block with these code lengths, then a single end-of-block code.
  static func dynamicBlock(literals: [Int], distances: [Int], codeLengthLengths: [Int]? = nil) -> [UInt8] {
    var writer = InflateTestStreams()
    writer.dynamicHeader(literalLengths: literals, distanceLengths: distances, codeLengthLengths: codeLengthLengths)
    if literals.count > 256 && literals[256] > 0 {
      writer.code(InflateTestStreams.canonicalCodes(literals)[256], literals[256])
    }
    return InflateTestStreams.zlib(writer.bytes, content: [])
  }

  /// Code lengths for all 286 literal/length symbols that form a complete code: 226 codes of
  /// 8 bits and 60 of 9 bits, since 226/256 + 60/512 = 1.
  static var completeLiterals: [Int] {
    (0..<286).map { $0 < 226 ? 8 : 9 }
  }

  // MARK: - Messages

  @Test func eachErrorSaysWhatIsWrongWithoutNamingAFile() {
    #expect(
      InflateError.truncated("it stops after 3 bytes").description
        == "the compressed data is cut off (it stops after 3 bytes)")
    #expect(
      InflateError.checksumMismatch(stored: 0x0102_0304, computed: 0xAB).description
        == "the checksum of the decompressed data (its zlib Adler-32) is 0x000000AB but the stream says 0x01020304")
    #expect(
      InflateError.needsPresetDictionary.description
        == "the zlib stream needs a preset dictionary, which this decompressor does not support")
    #expect(
      InflateError.corrupt("a block of type 3").description == "the compressed data is damaged (a block of type 3)")
  }

  // MARK: - zlib wrapper

  @Test func everyPrefixOfAValidStreamIsTruncated() {
    let stream = ZlibFixtures.bytes("text.level6.zlib")
    for length in Array(0..<40) + Array(stride(from: 40, to: stream.count, by: 97)) + [stream.count - 1] {
      let error = Self.problem(Array(stream[..<length]))
      #expect(
        error?.caseName == "truncated", "prefix of \(length) bytes: \(String(describing: error))")
    }
  }

  @Test func headerProblemsAreNamed() {
    Self.expectCorrupt([0x78, 0x9D, 0x03, 0x00], "fails its check")
    Self.expectCorrupt([0x77, 0x09, 0x03, 0x00], "compression method 7")
    Self.expectCorrupt([0x88, 0x1C, 0x03, 0x00], "a zlib window of 2^16 bytes")
    #expect(Self.problem([0x78, 0xBB, 0x03, 0x00]) == .needsPresetDictionary)
  }

  @Test func wrongAdler32IsAChecksumMismatch() {
    var stream = ZlibFixtures.bytes("text.level6.zlib")
    stream[stream.count - 1] ^= 0x01
    let error = Self.problem(stream)
    guard case .checksumMismatch(let stored, let computed) = error else {
      Issue.record("expected a checksum mismatch, got \(String(describing: error))")
      return
    }
    #expect(stored ^ computed == 0x01)
  }

  // MARK: - Blocks

  @Test func blockTypeThreeIsReserved() {
    Self.expectCorrupt([0x78, 0x01, 0x07, 0x00], "a block of type 3")
  }

  @Test func storedBlockLengthMustMatchItsComplement() {
    Self.expectCorrupt(
      [0x78, 0x01, 0x01, 0x05, 0x00, 0xFA, 0xFE] + Array("hello".utf8), "does not match its complement")
  }

  @Test func distanceBeforeTheStartOfTheOutputIsRefused() {
    let stream = Self.fixedBlock { writer in
      writer.fixedSymbol(0x41)
      writer.fixedSymbol(257)  // length 3
      writer.code(1, 5)  // distance 2, one byte too far
    }
    Self.expectCorrupt(stream, "a distance of 2 bytes back when only 1 bytes have been decompressed")
  }

  @Test func fixedCodesThatDEFLATEReservesAreRefused() {
    Self.expectCorrupt(
      Self.fixedBlock {
        $0.fixedSymbol(65)
        $0.fixedSymbol(257)
        $0.code(30, 5)
      }, "distance code 30")
    Self.expectCorrupt(
      Self.fixedBlock {
        $0.fixedSymbol(65)
        $0.fixedSymbol(257)
        $0.code(31, 5)
      }, "distance code 31")
    Self.expectCorrupt(
      Self.fixedBlock {
        $0.fixedSymbol(65)
        $0.fixedSymbol(286)
      }, "invalid length code 286")
    Self.expectCorrupt(
      Self.fixedBlock {
        $0.fixedSymbol(65)
        $0.fixedSymbol(287)
      }, "invalid length code 287")
  }

  // MARK: - Dynamic block headers

  @Test func aCompleteDynamicHeaderDecodes() throws {
    let stream = Self.dynamicBlock(literals: Self.completeLiterals, distances: [1, 1])
    #expect(try Inflate.zlibDecompress(stream, maximumOutputCount: 10) == [])
  }

  @Test func overSubscribedCodeLengthCodeIsRefused() {
    let stream = Self.dynamicBlock(
      literals: Self.completeLiterals, distances: [1, 1], codeLengthLengths: Array(repeating: 1, count: 19))
    Self.expectCorrupt(stream, "the code-length code lengths describe more codes than bit patterns exist")
  }

  @Test func incompleteCodeLengthCodeIsRefused() {
    let lengths = (0..<19).map { $0 < 13 ? 4 : 6 }  // 13/16 + 6/64 < 1
    let stream = Self.dynamicBlock(literals: Self.completeLiterals, distances: [1, 1], codeLengthLengths: lengths)
    Self.expectCorrupt(stream, "the code-length code lengths leave some bit patterns without a code")
  }

  @Test func overSubscribedAndIncompleteLiteralCodesAreRefused() {
    var tooMany = Self.completeLiterals
    tooMany[285] = 8
    Self.expectCorrupt(
      Self.dynamicBlock(literals: tooMany, distances: [1, 1]), "literal/length code lengths describe more codes")
    var tooFew = Self.completeLiterals
    tooFew[285] = 0
    Self.expectCorrupt(Self.dynamicBlock(literals: tooFew, distances: [1, 1]), "literal/length code lengths leave")
    Self.expectCorrupt(
      Self.dynamicBlock(literals: Self.completeLiterals, distances: [2, 2, 2]), "distance code lengths leave")
  }

  @Test func missingEndOfBlockCodeIsRefused() {
    var literals = Self.completeLiterals
    literals[256] = 0
    literals[0] = 7  // keeps the code complete: one 8-bit code became 7 bits, one vanished
    literals[1] = 0
    Self.expectCorrupt(Self.dynamicBlock(literals: literals, distances: [1, 1]), "without an end-of-block code")
  }

  @Test func countsBeyondTheAlphabetsAreRefused() {
    var writer = InflateTestStreams()
    writer.field(1, 1)
    writer.field(2, 2)
    writer.field(30, 5)  // 287 literal/length codes
    writer.field(0, 5)
    writer.field(0, 4)
    Self.expectCorrupt(InflateTestStreams.zlib(writer.bytes, content: []), "287 literal/length codes")
    writer = InflateTestStreams()
    writer.field(1, 1)
    writer.field(2, 2)
    writer.field(0, 5)
    writer.field(30, 5)  // 31 distance codes
    writer.field(0, 4)
    Self.expectCorrupt(InflateTestStreams.zlib(writer.bytes, content: []), "31 distance codes")
  }

  @Test func repeatCodesMustHaveSomethingToRepeatAndStayInside() {
    // Code-length code: only symbols 16 and 18, one bit each.
    var lengths = [Int](repeating: 0, count: 19)
    lengths[16] = 1
    lengths[18] = 1
    var writer = InflateTestStreams()
    writer.field(1, 1)
    writer.field(2, 2)
    writer.field(0, 5)
    writer.field(0, 5)
    writer.field(15, 4)
    for symbol in Inflate.codeLengthOrder { writer.field(lengths[symbol], 3) }
    writer.code(0, 1)  // symbol 16 first
    writer.field(0, 2)
    Self.expectCorrupt(
      InflateTestStreams.zlib(writer.bytes, content: []), "symbol 16 (repeat the previous length) comes first")

    writer = InflateTestStreams()
    writer.field(1, 1)
    writer.field(2, 2)
    writer.field(0, 5)  // 257 + 1 = 258 lengths in all
    writer.field(0, 5)
    writer.field(15, 4)
    for symbol in Inflate.codeLengthOrder { writer.field(lengths[symbol], 3) }
    writer.code(1, 1)  // symbol 18: 138 zeros
    writer.field(127, 7)
    writer.code(1, 1)  // and 138 more: past 258
    writer.field(127, 7)
    Self.expectCorrupt(InflateTestStreams.zlib(writer.bytes, content: []), "run past the 258")
  }
}
