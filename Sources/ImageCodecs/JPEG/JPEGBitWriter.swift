// Entropy-coded data as T.81 lays it out (annex F.1.2 and F.1.2.3): bits packed from the most
// significant end of each byte, a 0x00 stuffed after every 0xFF so that no marker appears by
// accident, and the last byte padded with 1 bits.

/// Writes Huffman codes and value bits into a scan's entropy-coded data.
struct JPEGBitWriter {
  /// The bytes written so far, stuffed.
  private(set) var bytes: [UInt8] = []
  /// Bits not yet written, in the low `pendingCount` bits.
  private var pending: UInt64 = 0
  /// How many bits `pending` holds, always fewer than 8 between calls.
  private var pendingCount = 0

  /// Appends the low `count` bits of `bits` (at most 32), most significant first.
  mutating func write(_ bits: UInt32, count: Int) {
    precondition((0...32).contains(count))
    guard count > 0 else { return }
    pending = pending << UInt64(count) | UInt64(bits) & ((1 << UInt64(count)) - 1)
    pendingCount += count
    while pendingCount >= 8 {
      pendingCount -= 8
      let byte = UInt8(truncatingIfNeeded: pending >> UInt64(pendingCount))
      bytes.append(byte)
      if byte == 0xFF { bytes.append(0x00) }
    }
  }

  /// Pads the last byte with 1 bits, as T.81 asks before a marker.
  mutating func padToByte() {
    if pendingCount > 0 { write(UInt32((1 << (8 - pendingCount)) - 1), count: 8 - pendingCount) }
  }
}
