// DEFLATE compression (RFC 1951) inside a zlib stream (RFC 1950): the format of a PNG's image
// data. Knows nothing of PNG.
//
// The pipeline: `LZ77Matcher` turns the bytes into literals and matches; the tokens are cut into
// blocks of `blockTokenCount`; each block is written in whichever of the three DEFLATE block
// types is smallest for it (stored, fixed Huffman codes, or dynamic Huffman codes built for that
// block; see `Deflate+Blocks.swift`). `storedZlibStream(_:)` is the plain reference beside it:
// the same container with no compression at all.

/// DEFLATE compression and the zlib stream around it. The output is the same on every run.
///
///     let stream = Deflate.zlibStream(compressing: Array(repeating: 0, count: 100_000))
///     stream.count   // 120 bytes: 2 of header, 114 of DEFLATE, 4 of checksum
public enum Deflate {
  /// Tokens per block: zlib's default buffer holds 16 Ki symbols before it ends a block, and
  /// blocks this long let each dynamic code fit the local statistics of an image.
  static let blockTokenCount = 16_384
  /// The most bytes a stored block can hold (its length field has 16 bits).
  static let storedBlockCapacity = 65_535
  /// The zlib header: deflate with a 32 KiB window (0x78), default compression level, and the
  /// check bits that make the pair a multiple of 31 (0x9C).
  static let zlibHeader: [UInt8] = [0x78, 0x9C]

  /// Returns `input` compressed into a zlib stream: header, DEFLATE data, Adler-32 of `input`.
  public static func zlibStream(compressing input: [UInt8]) -> [UInt8] {
    zlibHeader + compress(input) + bigEndianBytes(Adler32.checksum(input))
  }

  /// Returns `input` compressed as raw DEFLATE data (no zlib header or checksum).
  static func compress(_ input: [UInt8]) -> [UInt8] {
    let tokens = LZ77Matcher().tokens(for: input)
    var writer = BitWriter(capacity: input.count / 2 + 64)
    guard !tokens.isEmpty else {
      writeBlock(tokens[...], input: input[...], isFinal: true, to: &writer)
      return writer.finish()
    }
    var blockStart = 0
    var inputStart = 0
    while blockStart < tokens.count {
      let blockEnd = min(blockStart + blockTokenCount, tokens.count)
      let block = tokens[blockStart..<blockEnd]
      let inputEnd = inputStart + block.reduce(0) { $0 + $1.inputByteCount }
      writeBlock(block, input: input[inputStart..<inputEnd], isFinal: blockEnd == tokens.count, to: &writer)
      blockStart = blockEnd
      inputStart = inputEnd
    }
    return writer.finish()
  }

  /// Returns `input` in a zlib stream of stored (uncompressed) blocks only: the simplest valid
  /// stream, kept as a reference for tests and as a baseline for sizes.
  static func storedZlibStream(_ input: [UInt8]) -> [UInt8] {
    var writer = BitWriter(capacity: input.count + input.count / storedBlockCapacity * 5 + 16)
    writeStoredBlocks(input[...], isFinal: true, to: &writer)
    return zlibHeader + writer.finish() + bigEndianBytes(Adler32.checksum(input))
  }

  /// The four bytes of `value`, most significant first, as zlib stores integers.
  static func bigEndianBytes(_ value: UInt32) -> [UInt8] {
    [
      UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
      UInt8(truncatingIfNeeded: value),
    ]
  }
}
