/// Reads the bits of a scan's entropy-coded data, most significant bit first.
///
/// In that data `FF 00` stands for a data byte `FF`; any other `FF xx` is a marker, which ends
/// the data (a restart marker ends one restart interval). At a marker or the end of the file
/// the reader stops and supplies zero bits, as libjpeg does, and counts them: `hasOverrun`
/// then says whether decoding used bits the file does not have.
///
/// The bytes are read through an `UnsafeBufferPointer` for speed; every read is checked
/// against `data.count` first.
struct JPEGBitReader {
  /// The whole file.
  let data: UnsafeBufferPointer<UInt8>
  /// The next byte to read.
  private(set) var position: Int
  /// Buffered bits, the next one in the highest bit.
  private var buffer: UInt64 = 0
  /// How many bits of `buffer` are valid.
  private var bitCount = 0
  /// How many zero bits were supplied after a marker or the end of the data, since the last reset.
  private var paddingCount = 0
  /// Whether the reader has reached a marker or the end of the data.
  private(set) var isStopped = false

  /// Creates a reader of the entropy-coded data that starts at `position`.
  init(data: UnsafeBufferPointer<UInt8>, position: Int) {
    self.data = data
    self.position = position
  }

  /// Whether more bits were consumed than the data held before its marker or end.
  var hasOverrun: Bool { paddingCount > bitCount }

  /// Whether the data ran out because the file ended (rather than at a marker); a lone `FF`
  /// as the last byte counts as the end.
  var reachedEndOfFile: Bool { position + 1 >= data.count }

  /// Tops the buffer up to at least 57 bits.
  @inline(__always)
  private mutating func refill() {
    while bitCount <= 56 {
      var byte: UInt8 = 0
      if !isStopped {
        if position < data.count {
          byte = data[position]
          if byte != 0xFF {
            position += 1
          } else if position + 1 < data.count && data[position + 1] == 0 {
            position += 2
          } else {
            byte = 0
            isStopped = true
          }
        } else {
          isStopped = true
        }
      }
      if isStopped {
        paddingCount += 8
      }
      buffer |= UInt64(byte) << (56 - bitCount)
      bitCount += 8
    }
  }

  /// Drops `count` bits (at most the buffered ones).
  @inline(__always)
  private mutating func consume(_ count: Int) {
    buffer <<= UInt64(count)
    bitCount -= count
  }

  /// Returns the next `count` bits (0…16) as an unsigned number.
  @inline(__always)
  mutating func readBits(_ count: Int) -> Int {
    guard count > 0 else { return 0 }
    if bitCount < count { refill() }
    let value = Int(buffer >> UInt64(64 - count))
    consume(count)
    return value
  }

  /// Returns the next bit.
  @inline(__always)
  mutating func readBit() -> Int {
    readBits(1)
  }

  /// Reads `count` bits (0…16) and returns the signed value they code: T.81's RECEIVE and
  /// EXTEND (F.2.2.1), where codes below 2^(count−1) stand for negative numbers.
  @inline(__always)
  mutating func readSignedValue(_ count: Int) -> Int {
    guard count > 0 else { return 0 }
    let value = readBits(count)
    return value < 1 << (count - 1) ? value - (1 << count) + 1 : value
  }

  /// Decodes one AC coefficient in one step when `table.fastAC` knows its bits: returns the run
  /// of zeros before it and its value, or nil (consuming nothing) when the slow path must decode.
  @inline(__always)
  mutating func decodeFastAC(with table: JPEGHuffmanTable) -> (run: Int, value: Int)? {
    if bitCount < 16 { refill() }
    let entry = Int(table.fastAC[Int(buffer >> UInt64(64 - JPEGHuffmanTable.lookupBits))])
    guard entry != 0 else { return nil }
    consume(entry & 0xFF)
    return ((entry >> 8) & 0xFF, entry >> 16)
  }

  /// Decodes one Huffman-coded symbol with `table`.
  ///
  /// - Throws: `.corruptCompressedData` when the bits are no code of the table.
  @inline(__always)
  mutating func decodeSymbol(with table: JPEGHuffmanTable) throws(ImageProblem) -> Int {
    if bitCount < 16 { refill() }
    let entry = Int(table.lookup[Int(buffer >> UInt64(64 - JPEGHuffmanTable.lookupBits))])
    if entry != 0 {
      consume(entry >> 8)
      return entry & 0xFF
    }
    guard let (symbol, length) = table.symbol(forCodeStarting: UInt32(buffer >> 48)) else {
      throw .corruptCompressedData("the scan data holds a bit pattern that is no code of its Huffman table")
    }
    consume(length)
    return Int(symbol)
  }

  /// Moves to the end of the current restart interval: drops the buffered bits, skips to the
  /// next marker and, if it is a restart marker, past it. Returns whether it was one.
  mutating func skipToRestartMarker() -> Bool {
    buffer = 0
    bitCount = 0
    paddingCount = 0
    isStopped = false
    while position + 1 < data.count {
      if data[position] == 0xFF && data[position + 1] != 0 && data[position + 1] != 0xFF {
        if JPEGMarker.isRestart(data[position + 1]) {
          position += 2
          return true
        }
        return false
      }
      position += 1
    }
    position = data.count
    return false
  }
}
