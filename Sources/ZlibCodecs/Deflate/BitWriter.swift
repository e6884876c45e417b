extension Deflate {
  /// Packs values into bytes the way DEFLATE (RFC 1951, section 3.1.1) orders bits: each value's
  /// least significant bit first, filling each byte from its least significant bit up.
  ///
  /// Huffman codes are defined most significant bit first, so callers hand this writer codes
  /// whose bits were reversed in advance (see `HuffmanCode`); extra bits and header fields go in
  /// as they are.
  struct BitWriter {
    /// The bytes completed so far.
    private(set) var bytes: [UInt8] = []
    /// Bits written but not yet moved to `bytes`, the oldest in the lowest position.
    private var pending: UInt64 = 0
    /// How many of the low bits of `pending` hold data (always fewer than 8 between calls).
    private var pendingCount = 0

    /// Creates an empty writer; `capacity` is a guess at the number of bytes to come.
    init(capacity: Int = 0) {
      bytes.reserveCapacity(capacity)
    }

    /// The number of bits written so far, counting those not yet in `bytes`.
    var bitCount: Int { bytes.count * 8 + pendingCount }

    /// Appends the low `count` bits of `value` (0 to 32 of them), lowest bit first.
    mutating func write(_ value: UInt32, bitCount count: Int) {
      precondition(count >= 0 && count <= 32, "BitWriter writes 0 to 32 bits at a time, not \(count)")
      precondition(count == 32 || value >> UInt32(count) == 0, "\(value) does not fit in \(count) bits")
      pending |= UInt64(value) << UInt64(pendingCount)
      pendingCount += count
      while pendingCount >= 8 {
        bytes.append(UInt8(truncatingIfNeeded: pending))
        pending >>= 8
        pendingCount -= 8
      }
    }

    /// Pads with zero bits up to the next byte boundary, as a stored block requires.
    mutating func alignToByte() {
      if pendingCount > 0 {
        write(0, bitCount: 8 - pendingCount)
      }
    }

    /// Appends whole bytes; the writer must be at a byte boundary.
    mutating func append(contentsOf newBytes: ArraySlice<UInt8>) {
      precondition(pendingCount == 0, "BitWriter.append(contentsOf:) needs a byte boundary; call alignToByte() first")
      bytes.append(contentsOf: newBytes)
    }

    /// Returns every byte written, the last one padded with zero bits.
    mutating func finish() -> [UInt8] {
      alignToByte()
      return bytes
    }
  }
}
