extension Inflate {
  /// Reads a byte array as a stream of bits in DEFLATE's order (RFC 1951, section 3.1.1): each
  /// byte from its least significant bit up, and each multi-bit field lowest bit first.
  ///
  /// Up to 64 bits wait in a buffer, so that a whole length/distance pair (at most 48 bits) can
  /// be decoded after one `refill()`. Reading never goes past the end of the array: once the
  /// bytes run out, `peek` sees zero bits beyond the end, and `consume` throws `truncated` if it
  /// is asked for bits that are not there.
  struct BitReader {
    /// The compressed bytes.
    let bytes: [UInt8]
    /// The index of the next byte to move into the buffer.
    private(set) var nextByte: Int
    /// Bits read from `bytes` but not consumed yet, the oldest in the lowest position.
    private var buffer: UInt64 = 0
    /// How many of the low bits of `buffer` hold data.
    private(set) var bufferedBitCount = 0

    /// Creates a reader that starts at byte `start` of `bytes`.
    init(_ bytes: [UInt8], startingAt start: Int = 0) {
      self.bytes = bytes
      self.nextByte = start
    }

    /// Moves whole bytes into the buffer until it holds more than 56 bits or the input ends.
    @inline(__always)
    mutating func refill() {
      while bufferedBitCount <= 56 && nextByte < bytes.count {
        buffer |= UInt64(bytes[nextByte]) << UInt64(bufferedBitCount)
        nextByte += 1
        bufferedBitCount += 8
      }
    }

    /// Returns the next `count` bits (0 to 32) without consuming them; bits past the end of the
    /// input read as zero.
    @inline(__always)
    func peek(_ count: Int) -> Int {
      Int(truncatingIfNeeded: buffer & ((1 << UInt64(count)) &- 1))
    }

    /// Drops the next `count` bits, which the caller has looked at with `peek`.
    ///
    /// - Throws: `InflateError.truncated` if fewer than `count` bits are left in the input.
    @inline(__always)
    mutating func consume(_ count: Int) throws(InflateError) {
      guard count <= bufferedBitCount else { throw endOfInput() }
      buffer >>= UInt64(count)
      bufferedBitCount -= count
    }

    /// Reads and returns the next `count` bits (0 to 32) as a number, the first bit lowest.
    ///
    /// - Throws: `InflateError.truncated` if the input ends first.
    @inline(__always)
    mutating func readBits(_ count: Int) throws(InflateError) -> Int {
      if bufferedBitCount < count { refill() }
      let value = peek(count)
      try consume(count)
      return value
    }

    /// Skips the bits left in the current byte, so that the next read starts on a byte boundary,
    /// and hands back to the input any whole bytes still in the buffer.
    mutating func alignToByte() {
      nextByte -= bufferedBitCount / 8
      buffer = 0
      bufferedBitCount = 0
    }

    /// Reads the next `count` whole bytes; call `alignToByte()` first.
    ///
    /// - Throws: `InflateError.truncated` if fewer than `count` bytes are left.
    mutating func readAlignedBytes(_ count: Int) throws(InflateError) -> ArraySlice<UInt8> {
      precondition(bufferedBitCount == 0, "BitReader.readAlignedBytes needs alignToByte() first")
      guard count <= bytes.count - nextByte else { throw endOfInput() }
      defer { nextByte += count }
      return bytes[nextByte..<nextByte + count]
    }

    /// The error for running out of input, saying how far the reader got.
    private func endOfInput() -> InflateError {
      .truncated("the compressed data stops after \(bytes.count) bytes, in the middle of a block")
    }
  }
}
