/// Bytes being written for a file format whose numbers are little-endian (ZIP, HDF5).
struct LittleEndianWriter {
  /// Everything written so far.
  private(set) var bytes: [UInt8] = []

  /// The number of bytes written: the offset the next one goes to.
  var count: Int { bytes.count }

  /// An empty writer with room for `capacity` bytes.
  init(reservingCapacity capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  /// Appends `value`, least significant byte first, whatever the machine's byte order.
  mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
    for byteIndex in 0..<(Integer.bitWidth / 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> (8 * byteIndex)))
    }
  }

  /// Appends `value` as `byteCount` bytes, least significant first.
  mutating func append(_ value: Int, byteCount: Int) {
    for byteIndex in 0..<byteCount {
      bytes.append(UInt8(truncatingIfNeeded: value >> (8 * byteIndex)))
    }
  }

  /// Appends `newBytes` as they are.
  mutating func append(contentsOf newBytes: some Sequence<UInt8>) {
    bytes.append(contentsOf: newBytes)
  }

  /// Appends `count` zero bytes.
  mutating func appendZeros(_ count: Int) {
    bytes.append(contentsOf: repeatElement(0, count: count))
  }

  /// Appends zero bytes until the count is a multiple of `alignment`.
  mutating func pad(toMultipleOf alignment: Int) {
    appendZeros((alignment - count % alignment) % alignment)
  }

  /// Overwrites the bytes at `offset` with `value`, least significant byte first.
  mutating func write<Integer: FixedWidthInteger>(_ value: Integer, at offset: Int) {
    for byteIndex in 0..<(Integer.bitWidth / 8) {
      bytes[offset + byteIndex] = UInt8(truncatingIfNeeded: value >> (8 * byteIndex))
    }
  }
}

/// Reads little-endian numbers from untrusted bytes: every read is checked against the end, and
/// a read past it throws `LittleEndianReader.OutOfBounds` instead of trapping.
struct LittleEndianReader {
  /// A read that would go past the end of the bytes, or to a negative offset.
  struct OutOfBounds: Error {
    /// Where the read started and how many bytes it wanted.
    let offset: Int
    let count: Int
  }

  /// The bytes read from.
  let bytes: [UInt8]

  /// The number of bytes.
  var count: Int { bytes.count }

  /// Checks that `count` bytes starting at `offset` exist.
  func check(_ offset: Int, _ count: Int) throws(OutOfBounds) {
    guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else {
      throw OutOfBounds(offset: offset, count: count)
    }
  }

  /// The unsigned number of `byteCount` bytes (at most 8) at `offset`.
  func unsigned(at offset: Int, byteCount: Int) throws(OutOfBounds) -> UInt64 {
    try check(offset, byteCount)
    var value: UInt64 = 0
    for byteIndex in 0..<byteCount {
      value |= UInt64(bytes[offset + byteIndex]) << (8 * UInt64(byteIndex))
    }
    return value
  }

  /// The `UInt8` at `offset`.
  func uint8(at offset: Int) throws(OutOfBounds) -> UInt8 { UInt8(try unsigned(at: offset, byteCount: 1)) }

  /// The `UInt16` at `offset`.
  func uint16(at offset: Int) throws(OutOfBounds) -> UInt16 { UInt16(try unsigned(at: offset, byteCount: 2)) }

  /// The `UInt32` at `offset`.
  func uint32(at offset: Int) throws(OutOfBounds) -> UInt32 { UInt32(try unsigned(at: offset, byteCount: 4)) }

  /// The `UInt64` at `offset`.
  func uint64(at offset: Int) throws(OutOfBounds) -> UInt64 { try unsigned(at: offset, byteCount: 8) }

  /// The `count` bytes at `offset`.
  func slice(at offset: Int, count: Int) throws(OutOfBounds) -> ArraySlice<UInt8> {
    try check(offset, count)
    return bytes[offset..<(offset + count)]
  }
}
