// A deliberately plain DEFLATE decoder (RFC 1951) and zlib unwrapper (RFC 1950), written inside
// the tests as an independent judge of the encoder: it reads one bit at a time and finds each
// Huffman symbol by looking the code read so far up in a dictionary. Slow, short and obvious;
// it shares no code with the module's own `Inflate`. It also records which block types it met.

@testable import ZlibCodecs

/// Decodes DEFLATE streams for the encoder's tests.
public struct BitByBitInflater {
  /// Why a stream was rejected.
  public struct Failure: Error, CustomStringConvertible {
    /// What was wrong.
    public let description: String
  }

  /// The stream being read.
  let bytes: [UInt8]
  /// The index of the next bit: byte `bitPosition / 8`, bit `bitPosition % 8` from the lowest.
  var bitPosition: Int
  /// The decoded bytes so far.
  var output: [UInt8] = []
  /// The type of each block read: 0 stored, 1 fixed, 2 dynamic.
  var blockTypes: [Int] = []

  /// Decodes a zlib stream, checking its header and Adler-32; returns the data and block types.
  public static func zlibDecompress(_ stream: [UInt8]) throws -> (data: [UInt8], blockTypes: [Int]) {
    guard stream.count >= 6 else { throw Failure(description: "a zlib stream has at least 6 bytes") }
    guard stream[0] & 0x0F == 8, stream[0] >> 4 <= 7 else { throw Failure(description: "not deflate") }
    guard (Int(stream[0]) * 256 + Int(stream[1])) % 31 == 0 else { throw Failure(description: "bad FCHECK") }
    guard stream[1] & 0x20 == 0 else { throw Failure(description: "preset dictionary") }
    var inflater = BitByBitInflater(bytes: stream, bitPosition: 16)
    try inflater.inflate()
    let end = (inflater.bitPosition + 7) / 8
    guard end + 4 == stream.count else {
      throw Failure(description: "the stream has \(stream.count - end) bytes after the data, not 4")
    }
    let stored = stream[end..<(end + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    guard stored == Adler32.checksum(inflater.output) else { throw Failure(description: "Adler-32 mismatch") }
    return (inflater.output, inflater.blockTypes)
  }

  /// Reads one bit.
  mutating func bit() throws -> Int {
    guard bitPosition / 8 < bytes.count else { throw Failure(description: "ran out of data") }
    let value = Int(bytes[bitPosition / 8] >> UInt8(bitPosition % 8)) & 1
    bitPosition += 1
    return value
  }

  /// Reads `count` bits, the first one as the lowest.
  mutating func bits(_ count: Int) throws -> Int {
    var value = 0
    for index in 0..<count {
      value |= try bit() << index
    }
    return value
  }

  /// The canonical code for these lengths, as a dictionary from (length, code) to symbol.
  static func codeTable(_ lengths: [Int]) -> [[Int]: Int] {
    var table: [[Int]: Int] = [:]
    var code = 0
    for length in 1...15 {
      for symbol in lengths.indices where lengths[symbol] == length {
        table[[length, code]] = symbol
        code += 1
      }
      code <<= 1
    }
    return table
  }

  /// Reads one symbol: a bit at a time, most significant first, until the code is known.
  mutating func symbol(_ table: [[Int]: Int]) throws -> Int {
    var code = 0
    for length in 1...15 {
      code = code << 1 | (try bit())
      if let symbol = table[[length, code]] { return symbol }
    }
    throw Failure(description: "no symbol has the code \(String(code, radix: 2))")
  }

  /// Decodes blocks until the final one.
  mutating func inflate() throws {
    var isFinal = false
    while !isFinal {
      isFinal = try bit() == 1
      let type = try bits(2)
      blockTypes.append(type)
      switch type {
      case 0:
        bitPosition = (bitPosition + 7) / 8 * 8
        let length = try bits(16)
        let complement = try bits(16)
        guard length == ~complement & 0xFFFF else { throw Failure(description: "LEN and NLEN disagree") }
        for _ in 0..<length { output.append(UInt8(try bits(8))) }
      case 1:
        let literals =
          Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
          + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8)
        try readSymbols(literals: Self.codeTable(literals), distances: Self.codeTable(Array(repeating: 5, count: 30)))
      case 2:
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengthLengths = Array(repeating: 0, count: 19)
        for index in 0..<codeLengthCount { codeLengthLengths[order[index]] = try bits(3) }
        let codeLengthTable = Self.codeTable(codeLengthLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
          switch try symbol(codeLengthTable) {
          case let length where length < 16: lengths.append(length)
          case 16:
            guard let last = lengths.last else { throw Failure(description: "16 with nothing to repeat") }
            lengths += Array(repeating: last, count: 3 + (try bits(2)))
          case 17: lengths += Array(repeating: 0, count: 3 + (try bits(3)))
          default: lengths += Array(repeating: 0, count: 11 + (try bits(7)))
          }
        }
        guard lengths.count == literalCount + distanceCount else { throw Failure(description: "lengths overrun") }
        try readSymbols(
          literals: Self.codeTable(Array(lengths[..<literalCount])),
          distances: Self.codeTable(Array(lengths[literalCount...])))
      default:
        throw Failure(description: "block type 3 is reserved")
      }
    }
  }

  /// Decodes literals and copies until the end-of-block symbol.
  mutating func readSymbols(literals: [[Int]: Int], distances: [[Int]: Int]) throws {
    let lengthBases = [
      3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    let distanceBases = [
      1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
      4097, 6145, 8193, 12289, 16385, 24577,
    ]
    let distanceExtra = [
      0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    while true {
      let next = try symbol(literals)
      if next < 256 {
        output.append(UInt8(next))
      } else if next == 256 {
        return
      } else {
        guard next <= 285 else { throw Failure(description: "length symbol \(next)") }
        let length = lengthBases[next - 257] + (try bits(lengthExtra[next - 257]))
        let distanceSymbol = try symbol(distances)
        guard distanceSymbol < 30 else { throw Failure(description: "distance symbol \(distanceSymbol)") }
        let distance = distanceBases[distanceSymbol] + (try bits(distanceExtra[distanceSymbol]))
        guard distance <= output.count, distance <= 32768 else {
          throw Failure(description: "distance \(distance) too far")
        }
        for _ in 0..<length { output.append(output[output.count - distance]) }
      }
    }
  }
}
