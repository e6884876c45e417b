// The description of a dynamic block's two codes (RFC 1951, section 3.2.7). Only code lengths
// are sent, since canonical codes follow from them; the lengths of both codes are sent as one
// sequence, shortened by run-length symbols, and that sequence is itself Huffman-coded with a
// third, small "code-length code" whose own lengths lead the header in 3-bit fields.

extension Deflate {
  /// The order in which the 3-bit lengths of the code-length code are sent: the symbols most
  /// likely to be unused go last, so that trailing zeros can be left off.
  static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  /// The header of a dynamic block, ready to write and to count.
  struct DynamicBlockHeader {
    /// One symbol of the run-length spelling of the code lengths.
    struct CodeLengthSymbol: Equatable {
      /// 0...15: a code length; 16: repeat the previous length 3–6 times; 17: 3–10 zeros;
      /// 18: 11–138 zeros.
      let symbol: Int
      /// The value of the extra bits (the repeat count minus its minimum).
      let extra: UInt32
    }

    /// How many literal/length code lengths are sent (257...286).
    let literalLengthCount: Int
    /// How many distance code lengths are sent (1...30).
    let distanceCount: Int
    /// The code lengths of both codes, run-length spelled.
    let symbols: [CodeLengthSymbol]
    /// The Huffman code for `symbols`, at most 7 bits per code.
    let codeLengthCode: HuffmanCode
    /// How many of the code-length code's lengths are sent, in `codeLengthOrder` (4...19).
    let codeLengthCount: Int
    /// The size of the whole header in bits.
    let bitCount: Int

    /// The number of extra bits after symbols 16, 17 and 18.
    static func extraBitCount(_ symbol: Int) -> Int {
      switch symbol {
      case 16: return 2
      case 17: return 3
      case 18: return 7
      default: return 0
      }
    }

    /// Builds the header for codes with these lengths.
    init(literalLengthLengths: [Int], distanceLengths: [Int]) {
      literalLengthCount = max(257, (literalLengthLengths.lastIndex { $0 != 0 } ?? 0) + 1)
      distanceCount = max(1, (distanceLengths.lastIndex { $0 != 0 } ?? 0) + 1)
      symbols = Self.runLengthSymbols(
        Array(literalLengthLengths.prefix(literalLengthCount)) + Array(distanceLengths.prefix(distanceCount)))
      var counts = [Int](repeating: 0, count: 19)
      for item in symbols {
        counts[item.symbol] += 1
      }
      codeLengthCode = HuffmanCode(frequencies: counts, limit: 7)
      let lengths = codeLengthCode.lengths
      codeLengthCount = max(4, (codeLengthOrder.lastIndex { lengths[$0] != 0 } ?? 0) + 1)
      var bits = 5 + 5 + 4 + 3 * codeLengthCount
      for item in symbols {
        bits += lengths[item.symbol] + Self.extraBitCount(item.symbol)
      }
      bitCount = bits
    }

    /// Spells a sequence of code lengths with the run-length symbols 16, 17 and 18 wherever they
    /// save space: zeros in runs of 3 or more, other lengths repeated 3 or more times after a
    /// first plain copy.
    static func runLengthSymbols(_ lengths: [Int]) -> [CodeLengthSymbol] {
      var output: [CodeLengthSymbol] = []
      var index = 0
      while index < lengths.count {
        let value = lengths[index]
        var run = 1
        while index + run < lengths.count && lengths[index + run] == value {
          run += 1
        }
        index += run
        var left = run
        if value == 0 {
          while left >= 11 {
            let take = min(left, 138)
            output.append(CodeLengthSymbol(symbol: 18, extra: UInt32(take - 11)))
            left -= take
          }
          if left >= 3 {
            output.append(CodeLengthSymbol(symbol: 17, extra: UInt32(left - 3)))
            left = 0
          }
        } else {
          output.append(CodeLengthSymbol(symbol: value, extra: 0))
          left -= 1
          while left >= 3 {
            let take = min(left, 6)
            output.append(CodeLengthSymbol(symbol: 16, extra: UInt32(take - 3)))
            left -= take
          }
        }
        output.append(contentsOf: repeatElement(CodeLengthSymbol(symbol: value, extra: 0), count: left))
      }
      return output
    }

    /// Writes the header, from HLIT to the last code length.
    func write(to writer: inout BitWriter) {
      writer.write(UInt32(literalLengthCount - 257), bitCount: 5)
      writer.write(UInt32(distanceCount - 1), bitCount: 5)
      writer.write(UInt32(codeLengthCount - 4), bitCount: 4)
      for symbol in codeLengthOrder.prefix(codeLengthCount) {
        writer.write(UInt32(codeLengthCode.lengths[symbol]), bitCount: 3)
      }
      for item in symbols {
        writer.write(codeLengthCode.reversedCodes[item.symbol], bitCount: codeLengthCode.lengths[item.symbol])
        writer.write(item.extra, bitCount: Self.extraBitCount(item.symbol))
      }
    }
  }
}
