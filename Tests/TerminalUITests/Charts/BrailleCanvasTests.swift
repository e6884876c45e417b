import Testing

@testable import TerminalUI

@Suite struct BrailleCanvasTests {
  /// Unicode's Braille patterns: U+2800 plus one bit per dot, dots 1, 2, 3, 7 down the left
  /// column and 4, 5, 6, 8 down the right, dot n being bit n − 1.
  static func braille(dots: [Int]) -> Character {
    Character(Unicode.Scalar(0x2800 + dots.reduce(0) { $0 | (1 << ($1 - 1)) })!)
  }

  @Test func eachDotOfACellSetsItsOwnBit() {
    // (x, y) from the cell's bottom-left dot, and the Braille dot number it is.
    let numbering = [(0, 3, 1), (0, 2, 2), (0, 1, 3), (0, 0, 7), (1, 3, 4), (1, 2, 5), (1, 1, 6), (1, 0, 8)]
    for (x, y, number) in numbering {
      var canvas = BrailleCanvas(rows: 1, columns: 1)
      canvas.setDot(x: x, y: y, color: nil)
      #expect(canvas.character(row: 0, column: 0) == Self.braille(dots: [number]), "dot (\(x), \(y))")
    }
  }

  @Test func allEightDotsMakeTheFullCell() {
    var canvas = BrailleCanvas(rows: 1, columns: 1)
    for x in 0..<2 {
      for y in 0..<4 { canvas.setDot(x: x, y: y, color: nil) }
    }
    #expect(canvas.character(row: 0, column: 0) == "\u{28FF}")
  }

  @Test func dotsFindTheirCellTwoAcrossAndFourUpACell() {
    var canvas = BrailleCanvas(rows: 2, columns: 3)
    canvas.setDot(x: 5, y: 4, color: nil)  // right column, bottom dot of row 1, column 2
    #expect(canvas.character(row: 1, column: 2) == Self.braille(dots: [8]))
    #expect(canvas.character(row: 0, column: 2) == nil)
    #expect(canvas.character(row: 1, column: 1) == nil)
  }

  @Test func dotsOfTwoSeriesInOneCellMergeAndTheLaterColourWins() {
    var canvas = BrailleCanvas(rows: 1, columns: 1)
    canvas.setDot(x: 0, y: 3, color: Palette.training)
    canvas.setDot(x: 1, y: 0, color: Palette.validation)
    #expect(canvas.character(row: 0, column: 0) == Self.braille(dots: [1, 8]))
    #expect(canvas.color(row: 0, column: 0) == Palette.validation)
  }

  @Test func settingADotTwiceChangesNothing() {
    var canvas = BrailleCanvas(rows: 1, columns: 1)
    canvas.setDot(x: 1, y: 2, color: nil)
    canvas.setDot(x: 1, y: 2, color: nil)
    #expect(canvas.character(row: 0, column: 0) == Self.braille(dots: [5]))
  }

  @Test func dotsOutsideTheCanvasAreIgnored() {
    var canvas = BrailleCanvas(rows: 1, columns: 1)
    for (x, y) in [(-1, 0), (2, 0), (0, -1), (0, 4)] { canvas.setDot(x: x, y: y, color: nil) }
    #expect(canvas.character(row: 0, column: 0) == nil)
  }
}
