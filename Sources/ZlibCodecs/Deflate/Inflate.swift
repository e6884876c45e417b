/// Decompression of zlib streams (RFC 1950) and the DEFLATE data inside them (RFC 1951): the
/// inverse of `Deflate`, what turns a PNG's IDAT chunks back into filtered scanlines, and what
/// reads a compressed member of a ZIP archive.
///
/// A zlib stream is a 2-byte header, DEFLATE blocks, and the Adler-32 checksum of the
/// decompressed bytes. The caller says how many bytes the output may hold at most, and
/// decompression stops with an error as soon as the stream tries to produce more, so a small
/// hostile file (a "zlib bomb") cannot make it allocate gigabytes.
///
///     let packed: [UInt8] = [0x78, 0x9C, 0x4B, 0x4C, 0x4A, 0x06, 0x00, 0x02, 0x4D, 0x01, 0x27]
///     try Inflate.zlibDecompress(packed, maximumOutputCount: 100)   // "abc" as bytes
///
/// Every error is an `InflateError`: `truncated` when the input ends too soon,
/// `checksumMismatch` for a wrong Adler-32, `needsPresetDictionary` for a zlib stream that needs
/// one, `corrupt` for anything else.
public enum Inflate {
  /// Decompresses the zlib stream at the start of `input` and returns its bytes, after checking
  /// their Adler-32. Bytes after the end of the stream are ignored.
  ///
  /// - Parameter maximumOutputCount: The most bytes the stream may decompress to.
  /// - Throws: `InflateError` describing the first thing wrong with the stream.
  public static func zlibDecompress(_ input: [UInt8], maximumOutputCount: Int) throws(InflateError) -> [UInt8] {
    try checkZlibHeader(input)
    var decoder = BlockDecoder(input: input, startingAt: 2, maximumOutputCount: maximumOutputCount)
    try decoder.decodeAllBlocks()
    let output = decoder.finishedOutput()

    decoder.reader.alignToByte()
    let trailer = try decoder.reader.readAlignedBytes(4)
    let stored = trailer.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    let computed = Adler32.checksum(output)
    guard stored == computed else {
      throw .checksumMismatch(stored: stored, computed: computed)
    }
    return output
  }

  /// Decompresses raw DEFLATE data, with no zlib header or checksum, starting at `input[start]`.
  ///
  /// - Returns: The decompressed bytes, and the index of the first input byte after the data.
  /// - Throws: `InflateError` describing the first thing wrong with the data.
  public static func rawDecompress(_ input: [UInt8], startingAt start: Int = 0, maximumOutputCount: Int)
    throws(InflateError) -> (output: [UInt8], end: Int)
  {
    var decoder = BlockDecoder(input: input, startingAt: start, maximumOutputCount: maximumOutputCount)
    try decoder.decodeAllBlocks()
    let output = decoder.finishedOutput()
    decoder.reader.alignToByte()
    return (output, decoder.reader.nextByte)
  }

  // MARK: - Private helpers

  /// Checks the two header bytes: CMF (compression method and window size) and FLG (a check
  /// value that makes CMF·256 + FLG a multiple of 31, and the preset-dictionary flag).
  private static func checkZlibHeader(_ input: [UInt8]) throws(InflateError) {
    guard input.count >= 2 else {
      throw .truncated("the compressed data holds \(input.count) bytes, too few for even a zlib header")
    }
    let cmf = Int(input[0])
    let flg = Int(input[1])
    guard (cmf << 8 | flg) % 31 == 0 else {
      throw .corrupt(
        "the zlib header \(hex(cmf)) \(hex(flg)) fails its check (CMF·256 + FLG must be a multiple of 31)")
    }
    guard cmf & 0x0F == 8 else {
      throw .corrupt("zlib compression method \(cmf & 0x0F); only 8 (DEFLATE) exists")
    }
    guard cmf >> 4 <= 7 else {
      throw .corrupt("a zlib window of 2^\(cmf >> 4 + 8) bytes; DEFLATE's largest is 2^15")
    }
    guard flg & 0x20 == 0 else { throw .needsPresetDictionary }
  }

  /// `value` as two uppercase hexadecimal digits.
  private static func hex(_ value: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }
}
