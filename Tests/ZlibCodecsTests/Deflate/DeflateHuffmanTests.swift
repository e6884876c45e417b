import Testing

@testable import ZlibCodecs

@Suite struct DeflateHuffmanTests {
  /// Σ 2^−length over symbols with a code, times 2^15: exactly 2^15 for a complete code.
  static func kraftSum(_ lengths: [Int]) -> Int {
    lengths.filter { $0 > 0 }.reduce(0) { $0 + (1 << (15 - $1)) }
  }

  /// Frequency tables: skewed, flat, sparse, and Fibonacci (whose Huffman tree is a chain as deep
  /// as the alphabet, so the limit is needed).
  static let frequencyTables: [(name: String, frequencies: [Int])] = [
    ("two symbols", [5, 1]),
    ("RFC 1951 example shape", [10, 10, 10, 10, 10, 20, 5, 5]),
    ("flat 286", Array(repeating: 7, count: 286)),
    ("sparse", (0..<286).map { $0 % 17 == 0 ? $0 + 1 : 0 }),
    ("skewed", (0..<30).map { 1 << min($0, 20) }),
    (
      "Fibonacci 25",
      (0..<25).reduce(into: [1, 1]) { list, _ in list.append(list[list.count - 1] + list[list.count - 2]) }
    ),
    (
      "Fibonacci 19 for the 7-bit code-length code",
      Array((0..<17).reduce(into: [1, 1]) { list, _ in list.append(list[list.count - 1] + list[list.count - 2]) })
    ),
  ]

  @Test(arguments: frequencyTables.indices, [15, 7])
  func limitedCodesAreCompleteAndWithinTheLimit(index: Int, limit: Int) {
    let (name, frequencies) = Self.frequencyTables[index]
    guard frequencies.filter({ $0 > 0 }).count <= 1 << limit else { return }
    let lengths = Deflate.codeLengths(for: frequencies, limit: limit)
    #expect(lengths.max()! <= limit, "\(name)")
    #expect(Self.kraftSum(lengths) == 1 << 15, "\(name)")
    for symbol in frequencies.indices {
      #expect((lengths[symbol] > 0) == (frequencies[symbol] > 0), "\(name), symbol \(symbol)")
    }
  }

  @Test(arguments: frequencyTables.indices)
  func packageMergeCostsTheSameAsHuffmanWhenTheLimitDoesNotBind(index: Int) {
    let (name, frequencies) = Self.frequencyTables[index]
    let reference = Deflate.referenceHuffmanCodeLengths(for: frequencies)
    let limited = Deflate.codeLengths(for: frequencies, limit: 15)
    func cost(_ lengths: [Int]) -> Int { zip(frequencies, lengths).reduce(0) { $0 + $1.0 * $1.1 } }
    if reference.max()! <= 15 {
      #expect(cost(limited) == cost(reference), "\(name)")
    } else {
      #expect(cost(limited) > cost(reference), "\(name): a binding limit must cost something")
    }
  }

  @Test func fibonacciFrequenciesNeedTheLimit() {
    let frequencies = Self.frequencyTables[5].frequencies
    #expect(Deflate.referenceHuffmanCodeLengths(for: frequencies).max()! > 15)
  }

  @Test func oneOrNoUsedSymbolsStillGetTwoOneBitCodes() {
    #expect(Deflate.codeLengths(for: [0, 0, 0, 4], limit: 15) == [1, 0, 0, 1])
    #expect(Deflate.codeLengths(for: [0, 0, 0], limit: 15) == [1, 1, 0])
    #expect(Deflate.codeLengths(for: [3, 0], limit: 7) == [1, 1])
  }

  @Test func canonicalCodesMatchTheRFC1951Example() {
    // RFC 1951, 3.2.2: lengths (3, 3, 3, 3, 3, 2, 4, 4) give 010, 011, 100, 101, 110, 00, 1110, 1111.
    let code = Deflate.HuffmanCode(lengths: [3, 3, 3, 3, 3, 2, 4, 4])
    let expected: [UInt32] = [0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111]
    for symbol in 0..<8 {
      #expect(
        code.reversedCodes[symbol] == Deflate.HuffmanCode.reversed(expected[symbol], bitCount: code.lengths[symbol]))
    }
  }

  @Test func fixedCodeMatchesRFC1951Table() {
    // RFC 1951, 3.2.6: 0 → 00110000, 144 → 110010000, 256 → 0000000, 280 → 11000000.
    let code = Deflate.fixedLiteralLengthCode
    for (symbol, bits, length) in [
      (0, 0b0011_0000, 8), (143, 0b1011_1111, 8), (144, 0b1_1001_0000, 9), (256, 0, 7), (279, 0b001_0111, 7),
      (280, 0b1100_0000, 8),
    ] {
      #expect(code.lengths[symbol] == length)
      #expect(
        code.reversedCodes[symbol] == Deflate.HuffmanCode.reversed(UInt32(bits), bitCount: length), "symbol \(symbol)")
    }
  }

  @Test func runLengthSpellingUsesRepeatAndZeroRunSymbols() {
    typealias Symbol = Deflate.DynamicBlockHeader.CodeLengthSymbol
    let spelled = Deflate.DynamicBlockHeader.runLengthSymbols(
      [8, 8, 8, 8, 8, 8, 8, 8] + Array(repeating: 0, count: 150) + [0, 0, 0, 5, 5])
    #expect(
      spelled == [
        Symbol(symbol: 8, extra: 0), Symbol(symbol: 16, extra: 3), Symbol(symbol: 8, extra: 0),  // 1 + 6 + 1 eights
        Symbol(symbol: 18, extra: 127), Symbol(symbol: 18, extra: 4),  // 138 + 15 zeros
        Symbol(symbol: 5, extra: 0), Symbol(symbol: 5, extra: 0),
      ])
    #expect(
      Deflate.DynamicBlockHeader.runLengthSymbols([0, 0, 3, 3, 3, 3]) == [
        Symbol(symbol: 0, extra: 0), Symbol(symbol: 0, extra: 0), Symbol(symbol: 3, extra: 0),
        Symbol(symbol: 16, extra: 0),
      ])
    #expect(
      Deflate.DynamicBlockHeader.runLengthSymbols(Array(repeating: 0, count: 10)) == [Symbol(symbol: 17, extra: 7)])
  }

  @Test func headerBitCountIsWhatItWrites() {
    let literals = Deflate.codeLengths(for: (0..<286).map { ($0 * 37) % 11 }, limit: 15)
    let distances = Deflate.codeLengths(for: (0..<30).map { $0 < 20 ? $0 : 0 }, limit: 15)
    let header = Deflate.DynamicBlockHeader(literalLengthLengths: literals, distanceLengths: distances)
    var writer = Deflate.BitWriter()
    header.write(to: &writer)
    #expect(writer.bitCount == header.bitCount)
    #expect(header.literalLengthCount == 286 && header.distanceCount == 20)
  }
}
