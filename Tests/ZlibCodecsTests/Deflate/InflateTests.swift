import Foundation
import Testing

@testable import ZlibCodecs

/// Decompressing zlib streams: Python's zlib output at several levels, window sizes and
/// strategies (`Fixtures/zlib/`), hand-built blocks, and broken streams.
@Suite struct InflateTests {
  /// The zlib fixtures; each decompresses to the `.bin` named by the part before the first dot.
  static let zlibFixtures: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: ZlibFixtures.folder.path)) ?? []
    return names.filter { $0.hasSuffix(".zlib") }.sorted()
  }()

  /// The original bytes of a zlib fixture.
  static func source(of name: String) -> [UInt8] {
    ZlibFixtures.bytes(name.prefix { $0 != "." } + ".bin")
  }

  /// Decompresses with room for exactly `expectedCount` bytes.
  static func inflate(_ stream: [UInt8], expectedCount: Int = 1 << 20) throws(InflateError) -> [UInt8] {
    try Inflate.zlibDecompress(stream, maximumOutputCount: expectedCount)
  }

  // MARK: - Valid streams

  @Test(arguments: zlibFixtures)
  func decompressesPythonZlibStreamToTheOriginal(_ name: String) throws {
    let original = Self.source(of: name)
    let output = try Self.inflate(ZlibFixtures.bytes(name), expectedCount: original.count)
    #expect(output.count == original.count)
    #expect(output == original)
  }

  @Test func fixturesCoverEveryLevelWindowAndStrategy() {
    #expect(Self.zlibFixtures.count == 17)
  }

  @Test func decompressesRawDeflateAndReportsWhereItEnds() throws {
    let stream = ZlibFixtures.bytes("text.raw.deflate") + [0xAA, 0xBB]
    let (output, end) = try Inflate.rawDecompress(stream, maximumOutputCount: 1 << 20)
    #expect(output == Self.source(of: "text"))
    #expect(end == stream.count - 2)
  }

  @Test func emptyInputDecompressesToNothing() throws {
    // python3 -c "import zlib; print(zlib.compress(b'').hex())"
    #expect(try Self.inflate([0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]) == [])
  }

  @Test func docCommentExampleGivesABC() throws {
    let packed: [UInt8] = [0x78, 0x9C, 0x4B, 0x4C, 0x4A, 0x06, 0x00, 0x02, 0x4D, 0x01, 0x27]
    #expect(try Inflate.zlibDecompress(packed, maximumOutputCount: 100) == Array("abc".utf8))
  }

  /// `zlib.compress(b'a' * 100000, 9)` and `zlib.compress(b'abc' * 20000, 9)`: long matches at
  /// distances 1 and 3, each copying bytes it has just written.
  static let runs: [(hex: String, pattern: String, count: Int)] = [
    (
      "78daedc13101000000c2a0aceb5fc21a1e4001" + String(repeating: "0", count: 192) + "af0679660b4d",
      "a", 100_000
    ),
    (
      "78daedc2411100000c02a0ac6aff0eabb1071ce9a2" + String(repeating: "a", count: 114) + "fae901c719bdf8",
      "abc", 20_000
    ),
  ]

  @Test func longOverlappingCopiesRepeatTheirPattern() throws {
    for run in Self.runs {
      let stream = stride(from: 0, to: run.hex.count, by: 2).map { offset in
        let start = run.hex.index(run.hex.startIndex, offsetBy: offset)
        return UInt8(run.hex[start...run.hex.index(after: start)], radix: 16)!
      }
      let expected = Array(String(repeating: run.pattern, count: run.count).utf8)
      #expect(try Self.inflate(stream, expectedCount: expected.count) == expected)
    }
  }

  @Test func handBuiltStoredBlocksIncludingAnEmptyOne() throws {
    let content = Array("Hello, world".utf8)
    let deflate: [UInt8] =
      [0x00, 0x07, 0x00, 0xF8, 0xFF] + content[..<7]  // not final, 7 bytes
      + [0x00, 0x00, 0x00, 0xFF, 0xFF]  // not final, empty
      + [0x01, 0x05, 0x00, 0xFA, 0xFF] + content[7...]  // final, 5 bytes
    #expect(try Self.inflate(InflateTestStreams.zlib(deflate, content: content)) == content)
  }

  @Test func handBuiltFixedHuffmanBlockWithAnOverlappingMatch() throws {
    var writer = InflateTestStreams()
    writer.field(1, 1)
    writer.field(1, 2)
    writer.fixedSymbol(Int(UInt8(ascii: "a")))
    writer.fixedSymbol(Int(UInt8(ascii: "b")))
    writer.fixedSymbol(258)  // length 4
    writer.code(1, 5)  // distance 2
    writer.fixedSymbol(256)
    let content = Array("ababab".utf8)
    #expect(try Self.inflate(InflateTestStreams.zlib(writer.bytes, content: content)) == content)
  }

  @Test func dynamicBlockWithALoneOneBitDistanceCode() throws {
    // Literal/length code: 'a' 1 bit, end of block and length 3 (symbol 257) 2 bits each;
    // distance code: symbol 0 (distance 1) alone, 1 bit, which zlib accepts.
    var literalLengths = [Int](repeating: 0, count: 258)
    literalLengths[97] = 1
    literalLengths[256] = 2
    literalLengths[257] = 2
    var writer = InflateTestStreams()
    writer.dynamicHeader(literalLengths: literalLengths, distanceLengths: [1])
    let codes = InflateTestStreams.canonicalCodes(literalLengths)
    writer.code(codes[97], 1)
    writer.code(codes[257], 2)
    writer.code(0, 1)
    writer.code(codes[256], 2)
    let content = Array("aaaa".utf8)
    #expect(try Self.inflate(InflateTestStreams.zlib(writer.bytes, content: content)) == content)
  }

  @Test func outputLimitIsExactNotApproximate() throws {
    let stream = ZlibFixtures.bytes("text.level9.zlib")
    let count = Self.source(of: "text").count
    #expect(try Self.inflate(stream, expectedCount: count).count == count)
    let error = #expect(throws: InflateError.self) { try Self.inflate(stream, expectedCount: count - 1) }
    #expect(error?.detail.contains("more than the \(count - 1) bytes expected") == true)
  }
}
