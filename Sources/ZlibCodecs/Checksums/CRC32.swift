/// The CRC-32 checksum used by zlib, gzip, PNG and Ethernet (IEEE 802.3): the reflected
/// polynomial 0xEDB88320, with the register set to all ones before the first byte and inverted
/// after the last.
///
/// Every PNG chunk ends with the CRC-32 of its type and data, and a model file ends with the
/// CRC-32 of everything before it, so that a changed byte anywhere is noticed. The results match
/// Python's `zlib.crc32`, including the way a running checksum is continued:
/// `checksum(b, startingWith: checksum(a))` equals `checksum(a + b)`.
public enum CRC32 {
  /// The checksum of `bytes`, continuing from `previous`, the checksum of the bytes that came
  /// before them (0, the checksum of no bytes, to start afresh).
  public static func checksum(_ bytes: some Sequence<UInt8>, startingWith previous: UInt32 = 0) -> UInt32 {
    var register = ~previous
    let table = Self.table
    // Arrays and slices hand over their storage, so the loop runs without a call per byte.
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      for byte in buffer {
        register = table[Int((register ^ UInt32(byte)) & 0xFF)] ^ (register >> 8)
      }
    }
    if done == nil {
      for byte in bytes {
        register = table[Int((register ^ UInt32(byte)) & 0xFF)] ^ (register >> 8)
      }
    }
    return ~register
  }

  /// For each value of the low byte of the register, what the register becomes after that byte
  /// has been shifted out through the polynomial eight times, one bit at a time.
  private static let table: [UInt32] = (0...255).map { (index: UInt32) in
    var value = index
    for _ in 0..<8 {
      value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
    }
    return value
  }
}
