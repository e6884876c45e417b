// The code of each symbol of a Huffman table, for encoding: codes are assigned in order of
// increasing length and, within a length, in the order the symbols are listed (T.81, annex C).

/// The code and code length of every symbol of one Huffman table.
struct JPEGHuffmanEncoding {
  /// `codes[symbol]` is the symbol's code, in the low `lengths[symbol]` bits.
  let codes: [UInt32]
  /// `lengths[symbol]` is the length of the symbol's code, or 0 for a symbol the table lacks.
  let lengths: [Int]

  /// Assigns the canonical codes of `specification`.
  init(_ specification: JPEGStandardTables.HuffmanSpecification) {
    var codes = [UInt32](repeating: 0, count: 256)
    var lengths = [Int](repeating: 0, count: 256)
    var code: UInt32 = 0
    var index = 0
    for length in 1...16 {
      for _ in 0..<specification.codeCounts[length - 1] {
        let symbol = Int(specification.symbols[index])
        codes[symbol] = code
        lengths[symbol] = length
        code += 1
        index += 1
      }
      code <<= 1
    }
    self.codes = codes
    self.lengths = lengths
  }

  /// Writes the code of `symbol`.
  ///
  /// - Precondition: the table has a code for `symbol`.
  @inline(__always)
  func write(_ symbol: Int, to writer: inout JPEGBitWriter) {
    precondition(lengths[symbol] > 0, "The Huffman table has no code for symbol \(symbol)")
    writer.write(codes[symbol], count: lengths[symbol])
  }
}
