// How DEFLATE spells lengths and distances (RFC 1951, section 3.2.5): a match length of 3 to 258
// becomes one of the literal/length symbols 257...285 plus 0 to 5 extra bits, and a distance of 1
// to 32768 becomes one of the distance symbols 0...29 plus 0 to 13 extra bits. The tables below
// are built from the base values once, so the encoder looks a symbol up instead of searching.

extension Deflate {
  /// The symbol that ends every block.
  static let endOfBlock = 256
  /// The size of the literal/length alphabet that a dynamic block may describe (0...285).
  static let literalLengthSymbolCount = 286
  /// The size of the distance alphabet (0...29).
  static let distanceSymbolCount = 30
  /// The longest Huffman code DEFLATE allows for literals, lengths and distances.
  static let maximumCodeLength = 15

  /// For each match length 0...258, the index of its length symbol (symbol 257 + index);
  /// entries 0...2 are unused.
  static let lengthSymbolIndex: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 259)
    for index in DeflateAlphabet.lengthBases.indices {
      let first = DeflateAlphabet.lengthBases[index]
      for length in first..<min(first + (1 << DeflateAlphabet.lengthExtraBits[index]), 259) {
        table[length] = UInt8(index)
      }
    }
    // RFC 1951 gives symbol 284 the lengths 227...257 only; 258 has symbol 285 of its own. The
    // loop lets 284's five extra bits run up to 258, and then 285, coming last, claims it.
    return table
  }()

  /// For distances 1...256, the distance symbol of `distance − 1`; for longer distances (up to
  /// 32768), the symbol of `256 + (distance − 1) >> 7`. Every symbol from 16 up covers whole
  /// multiples of 128, which is why the shifted half of the table suffices.
  static let distanceSymbolTable: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 512)
    for symbol in DeflateAlphabet.distanceBases.indices {
      let first = DeflateAlphabet.distanceBases[symbol]
      let last = first + (1 << DeflateAlphabet.distanceExtraBits[symbol]) - 1
      for distance in first...last {
        if distance <= 256 {
          table[distance - 1] = UInt8(symbol)
        } else {
          table[256 + (distance - 1) >> 7] = UInt8(symbol)
        }
      }
    }
    return table
  }()

  /// The distance symbol (0...29) for a distance of 1...32768.
  @inline(__always)
  static func distanceSymbol(_ distance: Int) -> Int {
    Int(distance <= 256 ? distanceSymbolTable[distance - 1] : distanceSymbolTable[256 + (distance - 1) >> 7])
  }

  /// The code lengths of the fixed Huffman code for literals and lengths (RFC 1951, 3.2.6):
  /// 8 bits for 0...143, 9 for 144...255, 7 for 256...279 and 8 for 280...287.
  static let fixedLiteralLengthCodeLengths: [Int] =
    Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
    + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8)

  /// The code lengths of the fixed distance code: 5 bits for each of the 30 symbols (and the
  /// two unused ones).
  static let fixedDistanceCodeLengths: [Int] = Array(repeating: 5, count: 32)
}
