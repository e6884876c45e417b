// The Huffman codes of a DEFLATE block: the fixed ones of block type 1, and the dynamic ones
// that a type-2 block describes in its header (RFC 1951, sections 3.2.5 to 3.2.7).

extension Inflate {
  /// The order in which a dynamic block lists the code lengths of the code-length alphabet:
  /// the lengths likely to be unused come last, so that they can be left out.
  static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  /// The fixed literal/length code of block type 1: 8 bits for 0...143, 9 for 144...255,
  /// 7 for 256...279 and 8 for 280...287 (286 and 287 never occur in valid data).
  static let fixedLiteralTable: HuffmanTable = {
    let lengths: [UInt8] =
      Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
      + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8)
    // The lengths are constants that form a complete code, so this cannot throw.
    return try! HuffmanTable(codeLengths: lengths[...], name: "literal/length")
  }()

  /// The fixed distance code of block type 1: 5 bits for each of 32 symbols (30 and 31 never
  /// occur in valid data).
  static let fixedDistanceTable: HuffmanTable = try! HuffmanTable(
    codeLengths: Array(repeating: 5, count: 32)[...], name: "distance")

  /// Reads the header of a dynamic block (type 2) and returns its literal/length and distance
  /// codes.
  ///
  /// The header gives HLIT + 257 literal/length code lengths and HDIST + 1 distance code
  /// lengths, themselves Huffman-coded with a code-length code of 19 symbols: 0...15 are
  /// lengths, 16 repeats the previous length 3–6 times, 17 and 18 stand for runs of 3–10 and
  /// 11–138 zeros. A run may cross from the first list into the second.
  ///
  /// - Throws: `corrupt` for counts out of range, a run past the end, a repeat
  ///   with nothing to repeat, a missing end-of-block code, or lengths that form no valid code.
  static func readDynamicTables(_ reader: inout BitReader) throws(InflateError) -> (
    literals: HuffmanTable, distances: HuffmanTable
  ) {
    let literalCount = try reader.readBits(5) + 257
    let distanceCount = try reader.readBits(5) + 1
    let codeLengthCount = try reader.readBits(4) + 4
    guard literalCount <= 286 else {
      throw .corrupt("a dynamic block with \(literalCount) literal/length codes (at most 286)")
    }
    guard distanceCount <= 30 else {
      throw .corrupt("a dynamic block with \(distanceCount) distance codes (at most 30)")
    }

    var codeLengthLengths = [UInt8](repeating: 0, count: 19)
    for position in 0..<codeLengthCount {
      codeLengthLengths[codeLengthOrder[position]] = UInt8(try reader.readBits(3))
    }
    let codeLengthTable = try HuffmanTable(
      codeLengths: codeLengthLengths[...], name: "code-length", allowsSingleCode: false)

    let total = literalCount + distanceCount
    var lengths = [UInt8]()
    lengths.reserveCapacity(total)
    while lengths.count < total {
      reader.refill()
      let symbol = try codeLengthTable.decode(&reader)
      let (value, repeatCount): (UInt8, Int)
      switch symbol {
      case 0...15:
        (value, repeatCount) = (UInt8(symbol), 1)
      case 16:
        guard let previous = lengths.last else {
          throw .corrupt("code-length symbol 16 (repeat the previous length) comes first")
        }
        (value, repeatCount) = (previous, 3 + (try reader.readBits(2)))
      case 17:
        (value, repeatCount) = (0, 3 + (try reader.readBits(3)))
      default:
        (value, repeatCount) = (0, 11 + (try reader.readBits(7)))
      }
      guard lengths.count + repeatCount <= total else {
        throw .corrupt("the code lengths run past the \(total) that the dynamic block declares")
      }
      lengths.append(contentsOf: repeatElement(value, count: repeatCount))
    }

    guard lengths[256] != 0 else {
      throw .corrupt("a dynamic block without an end-of-block code (symbol 256)")
    }
    let literals = try HuffmanTable(codeLengths: lengths[..<literalCount], name: "literal/length")
    let distances = try HuffmanTable(codeLengths: lengths[literalCount...], name: "distance")
    return (literals, distances)
  }
}
