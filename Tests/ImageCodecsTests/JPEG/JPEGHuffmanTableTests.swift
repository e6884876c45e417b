import Testing

@testable import ImageCodecs

/// Canonical code construction, both lookup paths, and the rejection of impossible tables.
@Suite struct JPEGHuffmanTableTests {
  /// T.81's example luminance DC table (K.3.1, table K.3): the codes are listed there.
  static let luminanceDC = try! JPEGHuffmanTable(
    codeCounts: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], symbols: Array(0...11))

  /// Table K.3's code words for categories 0…11, as bit strings.
  static let luminanceDCCodes = [
    "00", "010", "011", "100", "101", "110", "1110", "11110", "111110", "1111110", "11111110", "111111110",
  ]

  @Test func everyCodeOfTableK3DecodesToItsCategory() {
    for (category, code) in Self.luminanceDCCodes.enumerated() {
      let bits = UInt32(code, radix: 2)! << (16 - code.count)
      let found = Self.luminanceDC.symbol(forCodeStarting: bits)
      #expect(found?.symbol == UInt8(category) && found?.length == code.count, "category \(category)")
      let entry = Int(Self.luminanceDC.lookup[Int(bits >> 7)])
      #expect(entry == code.count << 8 | category, "lookup of category \(category)")
    }
  }

  @Test func codesLongerThanTheLookupTakeTheSlowPath() throws {
    // One code of each length 1…15 and two of length 16: codes 0, 10, 110, …, 1…10 (16 bits).
    var counts = [Int](repeating: 1, count: 16)
    counts[15] = 1
    let table = try JPEGHuffmanTable(codeCounts: counts, symbols: Array(0...15))
    let twelveBitCode = UInt32(0b1111_1111_1110) << 4  // symbol 11
    #expect(table.lookup[Int(twelveBitCode >> 7)] == 0)
    #expect(table.symbol(forCodeStarting: twelveBitCode)?.symbol == 11)
    #expect(table.symbol(forCodeStarting: 0xFFFF) == nil)
  }

  @Test func anOverSubscribedTableIsRejected() {
    let error = #expect(throws: ImageProblem.self) {
      _ = try JPEGHuffmanTable(codeCounts: [3] + [Int](repeating: 0, count: 15), symbols: [0, 1, 2])
    }
    #expect(error.map(PNGTestFiles.detail)?.contains("over-subscribed") == true)
  }

  @Test func aCodeOfAllOnesIsRejectedAsLibjpegDoes() {
    // Two 1-bit codes, 0 and 1: a complete code whose last word is all 1 bits.
    #expect(throws: ImageProblem.self) {
      _ = try JPEGHuffmanTable(codeCounts: [2] + [Int](repeating: 0, count: 15), symbols: [0, 1])
    }
  }

  @Test func aDHTSegmentWithTwoTablesFillsBothSlots() throws {
    let counts: [UInt8] = [0, 1] + [UInt8](repeating: 0, count: 14)
    let segment: [UInt8] = [0x01] + counts + [7] + [0x13] + counts + [9]
    var dc = [JPEGHuffmanTable?](repeating: nil, count: 4)
    var ac = [JPEGHuffmanTable?](repeating: nil, count: 4)
    try JPEGHuffmanTable.parseSegment(segment[...], dcTables: &dc, acTables: &ac)
    #expect(dc[1]?.symbols == [7])
    #expect(ac[3]?.symbols == [9])
    #expect(dc[0] == nil && ac[1] == nil)
  }

  @Test func aDHTSegmentThatEndsEarlyIsInvalid() {
    let segment: [UInt8] = [0x00, 0, 4] + [UInt8](repeating: 0, count: 14) + [1, 2]
    var dc = [JPEGHuffmanTable?](repeating: nil, count: 4)
    var ac = [JPEGHuffmanTable?](repeating: nil, count: 4)
    #expect(throws: ImageProblem.self) {
      try JPEGHuffmanTable.parseSegment(segment[...], dcTables: &dc, acTables: &ac)
    }
  }
}
