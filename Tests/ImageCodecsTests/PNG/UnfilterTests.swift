import Testing
import ZlibCodecsTestSupport

@testable import ImageCodecs

/// Undoing the five scanline filters: small cases worked by hand from the specification, the
/// fast loops against the byte-by-byte reference, and unknown filter types.
@Suite struct UnfilterTests {
  /// Paeth cases worked by hand: p = a + b − c, and the nearest of a, b, c wins, ties going to
  /// a, then b.
  static let paethCases: [(a: UInt8, b: UInt8, c: UInt8, expected: UInt8)] = [
    (5, 5, 5, 5),  // all equal: a
    (10, 10, 0, 10),  // p = 20: |p−a| = |p−b| = 10 < |p−c| = 20, tie goes to a
    (6, 12, 10, 6),  // p = 8: |p−a| = |p−c| = 2 < |p−b| = 4, tie goes to a
    (12, 6, 10, 6),  // p = 8: |p−b| = |p−c| = 2 < |p−a| = 4, tie goes to b
    (7, 3, 7, 3),  // p = 3: b exactly
    (0, 4, 2, 2),  // p = 2: c exactly
    (255, 255, 0, 255),  // p = 510 is out of byte range; a
  ]

  @Test(arguments: paethCases.indices)
  func paethPredictorPicksTheNearestWithTiesToAThenB(_ index: Int) {
    let (a, b, c, expected) = Self.paethCases[index]
    #expect(PNGFilterType.paethPredictor(a, b, c) == expected)
  }

  @Test func handWorkedRows() throws {
    // Rows laid out as in the decompressed data: [type, bytes…], one after another.
    func unfilter(_ rows: [[UInt8]], stride: Int = 1) throws -> [[UInt8]] {
      var data = rows.flatMap { $0 }
      try Unfilter.unfilterRows(
        &data, start: 0, rowCount: rows.count, bytesPerRow: rows[0].count - 1, filterStride: stride,
        rowName: { "row \($0)" })
      return (0..<rows.count).map { Array(data[($0 * rows[0].count + 1)..<(($0 + 1) * rows[0].count)]) }
    }
    #expect(try unfilter([[1, 1, 2, 3, 4]]) == [[1, 3, 6, 10]])  // Sub: running sums
    #expect(try unfilter([[1, 200, 100]]) == [[200, 44]])  // Sub wraps modulo 256
    #expect(try unfilter([[0, 10, 20], [2, 1, 1]]) == [[10, 20], [11, 21]])  // Up
    // Average, stride 1: 4 + ⌊(0 + 2) / 2⌋ = 5, then 4 + ⌊(5 + 6) / 2⌋ = 9.
    #expect(try unfilter([[0, 2, 6], [3, 4, 4]]) == [[2, 6], [5, 9]])
    // Average and Paeth in a first row: the row above counts as zeros.
    #expect(try unfilter([[3, 8, 8]]) == [[8, 12]])
    #expect(try unfilter([[4, 8, 8]]) == [[8, 16]])
    // Stride 2: Sub adds the byte two back.
    #expect(try unfilter([[1, 1, 2, 3, 4]], stride: 2) == [[1, 2, 4, 6]])
  }

  @Test func fastLoopsMatchTheReferenceForEveryFilterAndStride() {
    var generator = SeededGenerator(state: 2083)
    for stride in 1...8 {
      for count in Set([0, 1, stride - 1, stride, stride + 1, 37]) where count >= 0 {
        let previous = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let row = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for type in PNGFilterType.allCases {
          for hasPrevious in [false, true] {
            var data = previous + row
            Unfilter.unfilterRow(
              &data, type: type, at: count, above: hasPrevious ? 0 : nil, count: count, stride: stride)
            let expected = Unfilter.referenceUnfilterRow(
              row, previous: hasPrevious ? previous : nil, type: type, stride: stride)
            #expect(
              Array(data[count...]) == expected, "\(type), stride \(stride), \(count) bytes, above: \(hasPrevious)")
          }
        }
      }
    }
  }

  @Test func unknownFilterTypeNamesTheRow() {
    var data: [UInt8] = [0, 1, 2, 7, 3, 4]
    let error = #expect(throws: ImageProblem.self) {
      try Unfilter.unfilterRows(&data, start: 0, rowCount: 2, bytesPerRow: 2, filterStride: 1, rowName: { "row \($0)" })
    }
    #expect(error == .invalidHeader("filter type 7 in row 1; PNG has only types 0 to 4"))
  }
}
