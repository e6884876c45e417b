import Testing

@testable import ImageCodecs

/// The Annex K tables and libjpeg's quality scaling of them.
@Suite struct JPEGStandardTablesTests {
  @Test func quality50GivesTheAnnexKTablesUnchanged() {
    #expect(
      JPEGStandardTables.scaled(JPEGStandardTables.luminanceQuantization, quality: 50)
        == JPEGStandardTables.luminanceQuantization)
    #expect(
      JPEGStandardTables.scaled(JPEGStandardTables.chrominanceQuantization, quality: 50)
        == JPEGStandardTables.chrominanceQuantization)
  }

  @Test func quality100GivesStepsOfOneAndQualityBeyondIsClamped() {
    for quality in [100, 101, 1000] {
      #expect(
        JPEGStandardTables.scaled(JPEGStandardTables.luminanceQuantization, quality: quality).allSatisfy { $0 == 1 })
    }
  }

  @Test func lowQualityScalesUpAndStaysWithinEightBits() {
    // libjpeg: quality 10 → 500%, 16 → (16 · 500 + 50) / 100 = 80; quality 1 → 5000%, capped at 255.
    #expect(JPEGStandardTables.scaled(JPEGStandardTables.luminanceQuantization, quality: 10)[0] == 80)
    #expect(JPEGStandardTables.scaled(JPEGStandardTables.luminanceQuantization, quality: 1).allSatisfy { $0 == 255 })
    #expect(
      JPEGStandardTables.scaled(JPEGStandardTables.luminanceQuantization, quality: 0)
        == JPEGStandardTables.scaled(JPEGStandardTables.luminanceQuantization, quality: 1))
    // Quality 90 → 20%: 16 → 3, 99 → 20.
    #expect(JPEGStandardTables.scaled(JPEGStandardTables.luminanceQuantization, quality: 90)[0] == 3)
    #expect(JPEGStandardTables.scaled(JPEGStandardTables.chrominanceQuantization, quality: 90)[63] == 20)
  }

  static let huffmanTables = [
    JPEGStandardTables.luminanceDC, JPEGStandardTables.chrominanceDC, JPEGStandardTables.luminanceAC,
    JPEGStandardTables.chrominanceAC,
  ]

  @Test(arguments: huffmanTables.indices)
  func huffmanTablesAreCompleteAndAcceptedByTheDecoder(index: Int) throws {
    let table = Self.huffmanTables[index]
    #expect(table.codeCounts.count == 16)
    #expect(table.codeCounts.reduce(0, +) == table.symbols.count)
    #expect(Set(table.symbols).count == table.symbols.count, "no symbol twice")
    _ = try JPEGHuffmanTable(codeCounts: table.codeCounts, symbols: table.symbols)
  }

  @Test func acTablesCodeEveryRunAndSizeABaselineBlockNeeds() {
    for table in [JPEGStandardTables.luminanceAC, JPEGStandardTables.chrominanceAC] {
      let symbols = Set(table.symbols.map(Int.init))
      let needed = [0x00, 0xF0] + (0...15).flatMap { run in (1...10).map { run << 4 | $0 } }
      #expect(symbols == Set(needed))
    }
  }

  @Test func huffmanEncodingGivesTheDecodersSymbolsBack() throws {
    for specification in Self.huffmanTables {
      let encoding = JPEGHuffmanEncoding(specification)
      let decoding = try JPEGHuffmanTable(codeCounts: specification.codeCounts, symbols: specification.symbols)
      for symbol in specification.symbols {
        let length = encoding.lengths[Int(symbol)]
        let bits = encoding.codes[Int(symbol)] << (16 - length)
        let decoded = try #require(decoding.symbol(forCodeStarting: bits))
        #expect(decoded.symbol == symbol && decoded.length == length)
      }
    }
  }
}
