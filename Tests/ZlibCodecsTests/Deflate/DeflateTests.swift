import Testing
import ZlibCodecsTestSupport

@testable import ZlibCodecs

/// The zlib streams `Deflate` writes, checked by decoding them with `BitByBitInflater`, an
/// independent decoder in `ZlibCodecsTestSupport`. How well it compresses PNG image data is
/// checked in `PNGEncoderTests`.
///
/// Checked offline as well, once: Python 3.11's `zlib.decompress` (zlib 1.2.13) returned the input
/// of the streams for an empty input, repeated text, 100000 zeros, 100000 random bytes, a 32768-byte
/// pattern repeated three times, and the filtered rows of the smooth 640×427 image in
/// `PNGEncoderTests`. Sizes were within 1% of `zlib.compress(data, 6)`, or smaller.
@Suite struct DeflateTests {
  /// Named inputs of awkward sizes and kinds.
  static let inputs: [(name: String, bytes: [UInt8])] = [
    ("empty", []),
    ("one byte", [42]),
    ("two bytes", [1, 2]),
    ("three equal bytes", [7, 7, 7]),
    ("text", DeflateTestData.text),
    ("100000 zeros", Array(repeating: 0, count: 100_000)),
    ("random 100000 bytes", DeflateTestData.randomBytes(count: 100_000)),
    ("random 70000 bytes, more than one stored block", DeflateTestData.randomBytes(count: 70_000, seed: 3)),
    (
      "a 1000-byte random pattern repeated 40 times",
      Array(repeatElement(DeflateTestData.randomBytes(count: 1000), count: 40).joined())
    ),
    (
      "a 32768-byte random pattern repeated: matches at the window's edge",
      Array(repeatElement(DeflateTestData.randomBytes(count: 32_768, seed: 9), count: 3).joined())
    ),
    (
      "a 32769-byte random pattern repeated: just beyond the window",
      Array(repeatElement(DeflateTestData.randomBytes(count: 32_769, seed: 9), count: 2).joined())
    ),
    (
      "random with long zero runs",
      (0..<50_000).map { $0 % 1000 < 700 ? 0 : DeflateTestData.randomBytes(count: 1, seed: UInt64($0))[0] }
    ),
    ("all byte values in order, 300 times", Array(repeatElement(Array(0...255), count: 300).joined())),
    ("samples of a smooth image", DeflateTestData.smoothSamples(width: 200, height: 150, channels: 3)),
  ]

  @Test(arguments: inputs.indices)
  func zlibStreamDecodesToTheInput(index: Int) throws {
    let (name, bytes) = Self.inputs[index]
    let stream = Deflate.zlibStream(compressing: bytes)
    let decoded = try BitByBitInflater.zlibDecompress(stream)
    #expect(decoded.data.count == bytes.count, "\(name)")
    #expect(decoded.data == bytes, "\(name)")
  }

  @Test(arguments: inputs.indices)
  func storedReferenceStreamDecodesToTheInput(index: Int) throws {
    let (name, bytes) = Self.inputs[index]
    let stream = Deflate.storedZlibStream(bytes)
    let decoded = try BitByBitInflater.zlibDecompress(stream)
    #expect(decoded.data == bytes, "\(name)")
    #expect(decoded.blockTypes.allSatisfy { $0 == 0 }, "\(name)")
    // 2 header bytes, 5 bytes per stored block of up to 65535, 4 bytes of Adler-32.
    let blocks = max(1, (bytes.count + 65_534) / 65_535)
    #expect(stream.count == 2 + 5 * blocks + bytes.count + 4, "\(name)")
  }

  @Test(arguments: inputs.indices)
  func compressedStreamIsNeverMuchLargerThanTheStoredOne(index: Int) {
    let (name, bytes) = Self.inputs[index]
    // Each block of up to 16384 tokens picks its smallest form, so at worst every such block is
    // stored on its own, adding 5 bytes of stored-block header each.
    let blockCount = bytes.count / Deflate.blockTokenCount + 1
    #expect(
      Deflate.zlibStream(compressing: bytes).count <= Deflate.storedZlibStream(bytes).count + 5 * blockCount, "\(name)")
  }

  @Test func streamStartsWithTheDefaultZlibHeaderAndEndsWithAdler32() {
    let stream = Deflate.zlibStream(compressing: DeflateTestData.text)
    #expect(Array(stream.prefix(2)) == [0x78, 0x9C])
    #expect((0x78 * 256 + 0x9C) % 31 == 0)
    let trailer = stream.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    #expect(trailer == Adler32.checksum(DeflateTestData.text))
  }

  @Test func emptyInputGivesTheShortestFixedBlock() throws {
    // A final fixed block holding only end-of-block: 3 + 7 bits, two bytes (as zlib writes it).
    #expect(Deflate.compress([]) == [0x03, 0x00])
    #expect(try BitByBitInflater.zlibDecompress(Deflate.zlibStream(compressing: [])).blockTypes == [1])
  }

  @Test func randomBytesAreStored() throws {
    let stream = Deflate.zlibStream(compressing: DeflateTestData.randomBytes(count: 100_000))
    #expect(try BitByBitInflater.zlibDecompress(stream).blockTypes.allSatisfy { $0 == 0 })
  }

  @Test func longTextUsesDynamicCodes() throws {
    let stream = Deflate.zlibStream(compressing: DeflateTestData.text)
    #expect(try BitByBitInflater.zlibDecompress(stream).blockTypes == [2])
  }

  @Test func shortTextUsesTheFixedCode() throws {
    // Too short for a dynamic header (about 60 bytes) to pay for itself.
    let stream = Deflate.zlibStream(compressing: Array("hello, hello, hello!".utf8))
    #expect(try BitByBitInflater.zlibDecompress(stream).blockTypes == [1])
  }

  @Test func matchesMayReachTheWholeWindow() throws {
    // A 32768-byte pattern repeated: every copy is exactly 32768 bytes back, the longest
    // distance DEFLATE allows, so only the first copy costs much.
    let pattern = DeflateTestData.randomBytes(count: 32_768, seed: 9)
    let stream = Deflate.zlibStream(compressing: Array(repeatElement(pattern, count: 3).joined()))
    #expect(stream.count < 34_000)
  }

  @Test func outputIsTheSameOnEveryRun() {
    let bytes = DeflateTestData.smoothSamples(width: 120, height: 90, channels: 4)
    #expect(Deflate.zlibStream(compressing: bytes) == Deflate.zlibStream(compressing: bytes))
  }

  @Test func storedBitCountMatchesWhatIsWritten() {
    for (offset, count) in [(0, 0), (3, 10), (5, 65_535), (7, 65_536), (1, 200_000)] {
      var writer = Deflate.BitWriter()
      writer.write(0, bitCount: offset)
      let before = writer.bitCount
      Deflate.writeStoredBlocks(DeflateTestData.randomBytes(count: count)[...], isFinal: true, to: &writer)
      #expect(writer.bitCount - before == Deflate.storedBitCount(byteCount: count, startingAtBit: before))
    }
  }
}
