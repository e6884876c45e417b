/// A Huffman table from a DHT segment, ready for decoding: a lookup table for codes of up to
/// `lookupBits` bits and canonical limits for the longer ones (T.81, annex C and F.2.2.3).
final class JPEGHuffmanTable: Sendable {
  /// How many bits the lookup table is indexed by. Nine covers almost every code of a typical
  /// table, and 512 entries stay small.
  static var lookupBits: Int { 9 }

  /// Entry `b` for the next `lookupBits` bits `b`: `length << 8 | symbol` of the code they start
  /// with, or 0 when that code is longer than `lookupBits` bits (or does not exist).
  let lookup: [UInt16]
  /// For each length 1…16 (index 0 unused), the largest code of that length, or -1 if none.
  let maximumCode: [Int32]
  /// For each length, what to add to a code of that length to get its index in `symbols`.
  let symbolOffset: [Int32]
  /// The symbols, in order of increasing code.
  let symbols: [UInt8]
  /// For an AC table, entry `b` for the next `lookupBits` bits `b` decodes a whole coefficient
  /// when its code and its value bits both fit in them: `value << 16 | run << 8 | bits used`,
  /// or 0 otherwise (an end of block, a run of 16 zeros, or too many bits). It gives what
  /// `decodeSymbol(with:)` followed by `readSignedValue(_:)` give, in one step.
  let fastAC: [Int32]

  /// Builds the canonical code from the count of codes of each length 1…16 and the symbols.
  ///
  /// - Throws: `.invalidHeader` when the lengths describe more codes than fit (an
  ///   over-subscribed table), or a code of all 1 bits, which T.81 forbids (libjpeg rejects it too).
  init(codeCounts: [Int], symbols: [UInt8]) throws(ImageProblem) {
    precondition(codeCounts.count == 16 && codeCounts.reduce(0, +) == symbols.count)
    var maximumCode = [Int32](repeating: -1, count: 18)
    var symbolOffset = [Int32](repeating: 0, count: 18)
    var lookup = [UInt16](repeating: 0, count: 1 << Self.lookupBits)
    var code = 0
    var index = 0
    for length in 1...16 {
      let count = codeCounts[length - 1]
      symbolOffset[length] = Int32(index - code)
      for _ in 0..<count {
        guard code < 1 << length else { throw Self.overSubscribed(codeCounts) }
        if length <= Self.lookupBits {
          let spread = Self.lookupBits - length
          let entry = UInt16(length << 8) | UInt16(symbols[index])
          for fill in (code << spread)..<((code + 1) << spread) {
            lookup[fill] = entry
          }
        }
        code += 1
        index += 1
      }
      if count > 0 {
        maximumCode[length] = Int32(code - 1)
      }
      guard code < 1 << length else { throw Self.overSubscribed(codeCounts) }
      code <<= 1
    }
    maximumCode[17] = Int32.max
    self.lookup = lookup
    self.maximumCode = maximumCode
    self.symbolOffset = symbolOffset
    self.symbols = symbols
    fastAC = Self.fastACEntries(lookup)
  }

  /// The `fastAC` table for a table whose `lookup` is given.
  private static func fastACEntries(_ lookup: [UInt16]) -> [Int32] {
    lookup.indices.map { bits in
      let entry = Int(lookup[bits])
      let codeLength = entry >> 8
      let run = (entry >> 4) & 15
      let size = entry & 15
      guard entry != 0, size > 0, codeLength + size <= lookupBits else { return 0 }
      let raw = (bits >> (lookupBits - codeLength - size)) & ((1 << size) - 1)
      let value = raw < 1 << (size - 1) ? raw - (1 << size) + 1 : raw
      return Int32(value) << 16 | Int32(run << 8 | (codeLength + size))
    }
  }

  /// The problem of a table whose code lengths do not fit: more codes than the lengths allow,
  /// or a last code of all 1 bits.
  private static func overSubscribed(_ codeCounts: [Int]) -> ImageProblem {
    .invalidHeader(
      "a Huffman table is over-subscribed: its \(codeCounts.reduce(0, +)) codes of lengths "
        + "\(codeCounts.map(String.init).joined(separator: ",")) do not fit without a code of all 1 bits")
  }

  /// Returns the symbol whose code starts `bits` (the next 16 bits of the data, first bit
  /// highest) and the code's length, or nil when no code matches. This is the slow path.
  func symbol(forCodeStarting bits: UInt32) -> (symbol: UInt8, length: Int)? {
    for length in 1...16 {
      let code = Int32(bits >> (16 - length))
      if code <= maximumCode[length] {
        let index = Int(code + symbolOffset[length])
        guard index >= 0 && index < symbols.count else { return nil }
        return (symbols[index], length)
      }
    }
    return nil
  }

  /// Parses a DHT segment, which may define several tables, and stores each in `dcTables` or
  /// `acTables` at its index 0…3.
  static func parseSegment(
    _ data: ArraySlice<UInt8>, dcTables: inout [JPEGHuffmanTable?], acTables: inout [JPEGHuffmanTable?]
  ) throws(ImageProblem) {
    var position = data.startIndex
    while position < data.endIndex {
      guard data.endIndex - position >= 17 else {
        throw .invalidHeader("a DHT segment ends inside a table's 16 code counts")
      }
      let tableClass = data[position] >> 4
      let tableIndex = Int(data[position] & 15)
      guard tableClass <= 1, tableIndex < 4 else {
        throw .invalidHeader(
          "a DHT segment defines table class \(tableClass), index \(tableIndex); expected 0/1 and 0…3")
      }
      let codeCounts = data[(position + 1)..<(position + 17)].map(Int.init)
      let total = codeCounts.reduce(0, +)
      position += 17
      guard total <= 256, data.endIndex - position >= total else {
        throw .invalidHeader(
          "a DHT table declares \(total) symbols but the segment has \(data.endIndex - position) bytes left")
      }
      let table = try JPEGHuffmanTable(codeCounts: codeCounts, symbols: Array(data[position..<(position + total)]))
      position += total
      if tableClass == 0 {
        dcTables[tableIndex] = table
      } else {
        acTables[tableIndex] = table
      }
    }
  }
}
