import Testing

@testable import TerminalUI

@Suite struct LineChartTests {
  static let loss = [1.52, 1.21, 1.05, 0.93, 0.85, 0.79, 0.74, 0.70, 0.67, 0.64]
  static let validationLoss = [1.30, 1.12, 1.03, 0.98, 0.96, 0.95, 0.97, 1.00, 1.02, 1.05]

  let chart = LineChart(
    title: "loss",
    series: [
      .init("loss", loss),
      .init("val_loss", validationLoss, color: Palette.validation, style: .dashed, marker: "○"),
    ],
    highlight: .minimum(of: "val_loss"), height: 8)

  /// Whether `character` is a Braille pattern with at least one dot (U+2801 to U+28FF).
  static func isBrailleDots(_ character: Character) -> Bool {
    character.unicodeScalars.first.map { (0x2801...0x28FF).contains($0.value) } ?? false
  }

  @Test func plainRenderingAt60ColumnsHasRoundTicksOnEveryRowAndBrailleDots() {
    // 0.64...1.52 in at most 8 rows: ticks 0.2 apart on every row (0.1 apart would need 11).
    let lines = chart.lines(for: .plain(width: 60))
    #expect(lines.count == 11)
    #expect(lines[0] == "loss")
    #expect(lines[1..<7].map { String($0.prefix(5)) } == ["1.6 ┤", "1.4 ┤", "1.2 ┤", "1.0 ┤", "0.8 ┤", "0.6 ┤"])
    let plot = lines[1..<7].map { $0.dropFirst(5) }.joined()
    #expect(plot.allSatisfy { $0 == " " || $0 == "▼" || Self.isBrailleDots($0) })
    #expect(
      Array(lines[7...]) == [
        "    └┬─────┬─────┬─────┬─────┬─────┬─────┬─────┬─────┬─────┬",
        "     1     2     3     4     5     6     7     8     9    10",
        "                              epoch",
        "⠒⠒⠒ loss   ⠂⠂⠂ val_loss   ▼ lowest val_loss 0.95 at epoch 6",
      ])
  }

  @Test func withoutUnicodeTheChartIsAnASCIICharacterPlot() {
    let lines = chart.lines(for: TerminalCapabilities(isTerminal: false, colors: .none, width: 60, usesUnicode: false))
    #expect(lines.allSatisfy { $0.allSatisfy(\.isASCII) }, "\(lines)")
    #expect(lines[1..<7].map { String($0.prefix(5)) } == ["1.6 +", "1.4 +", "1.2 +", "1.0 +", "0.8 +", "0.6 +"])
    let plot = lines[1..<7].map { $0.dropFirst(5) }.joined()
    #expect(plot.contains("*") && plot.contains("o"), "markers at the epochs")
    #expect(plot.filter { $0 == "v" }.count == 1, "the lowest marked v")
    #expect(plot.contains("-") && plot.contains("."))
    #expect(lines.last == "-*- loss   .o. val_loss   v lowest val_loss 0.95 at epoch 6")
  }

  @Test func plainModeHasNoEscapesAndNoCarriageReturns() {
    ChartTestSupport.expectPlain(chart.lines(for: .plain(width: 80)))
  }

  @Test func colourModeDrawsEachSeriesInItsPaletteColour() {
    let text = chart.lines(for: ChartTestSupport.colour()).joined()
    #expect(text.contains(ChartTestSupport.foregroundCode(Palette.training)))
    #expect(text.contains(ChartTestSupport.foregroundCode(Palette.validation)))
    #expect(text.contains(ChartTestSupport.foregroundCode(Palette.axis)))
  }

  @Test(arguments: ChartTestSupport.widths) func noLineIsWiderThanTheTerminal(width: Int) {
    ChartTestSupport.expectFits(chart.lines(for: .plain(width: width)), width: width)
    ChartTestSupport.expectFits(chart.lines(for: ChartTestSupport.colour(width: width)), width: width)
  }

  @Test func aSmallerWidthParameterWins() {
    let narrow = LineChart(series: chart.series, width: 30)
    ChartTestSupport.expectFits(narrow.lines(for: .plain(width: 120)), width: 30)
  }

  @Test func theLegendShowsEachSeriesSolidOrDottedAsItIsDrawn() {
    let lines = chart.lines(for: .plain(width: 80))
    #expect(lines.last?.contains("⠒⠒⠒ loss") == true)
    #expect(lines.last?.contains("⠂⠂⠂ val_loss") == true)
  }

  @Test func aMarkerThatIsNotASCIIIsReplacedInAnASCIIPlot() {
    let ascii = TerminalCapabilities(isTerminal: false, colors: .none, width: 60, usesUnicode: false)
    let lines = LineChart(series: [.init("SGD", [1, 0.5], marker: "●"), .init("Adam", [0.9, 0.4], marker: "○")])
      .lines(for: ascii)
    #expect(lines.last == "-*- SGD   -o- Adam")
  }

  @Test func theLowestValidationLossIsMarkedOnceAndNamed() {
    let lines = chart.lines(for: .plain(width: 80))
    #expect(lines.joined().filter { $0 == "▼" }.count == 2)  // on the plot and in the note
    #expect(lines.last?.hasSuffix("▼ lowest val_loss 0.95 at epoch 6") == true)
  }

  @Test func theTrianglePointsAtTheLowestDotFromTheRowAbove() throws {
    let lines = chart.lines(for: .plain(width: 80))
    let picture = try #require(PlottedDots(lines: lines))
    let plotLines = lines[1...picture.rows]
    let triangleLine = try #require(plotLines.firstIndex { $0.contains("▼") })
    let triangleRow = picture.rows - (triangleLine - plotLines.startIndex) - 1
    let column = try #require(lines[triangleLine].firstIndex(of: "▼"))
    let axis = try #require(lines[triangleLine].firstIndex { $0 == "┤" || $0 == "│" })
    let dotColumn = lines[triangleLine].distance(from: axis, to: column) * 2 - 2
    #expect(dotColumn == picture.epochColumns[5], "over epoch 6")
    let below = picture.dots.filter { $0.x == dotColumn }.map { $0.y / 4 }
    #expect(below.contains(triangleRow - 1), "the lowest point is in the row under the triangle")
  }

  @Test func aMaximumIsMarkedWithAnUpwardTriangle() {
    let accuracy = LineChart(series: [.init("val_accuracy", [0.5, 0.7, 0.6])], highlight: .maximum(of: "val_accuracy"))
    let text = accuracy.lines(for: .plain(width: 40)).joined(separator: "\n")
    #expect(text.contains("▲ highest val_accuracy 0.70 at epoch 2"))
  }

  @Test func aTooNarrowPlotFallsBackToFirstAndLastValues() {
    let lines = chart.lines(for: .plain(width: 12))
    #expect(lines == ["loss", "loss: 1.52…", "val_loss: 1…", "▼ val_loss…"])
  }

  @Test func aNoteTooLongForItsChartDropsWordsButKeepsTheEpoch() {
    let values = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.91, 0.92, 0.93, 0.95]
    let accuracy = LineChart(series: [.init("val_accuracy", values)], highlight: .maximum(of: "val_accuracy"))
    #expect(accuracy.lines(for: .plain(width: 60)).last == "⠒⠒⠒ val_accuracy   ▲ highest val_accuracy 0.95 at epoch 10")
    let narrow = accuracy.lines(for: .plain(width: 38))
    #expect(narrow.last == "▲ val_accuracy 0.95, epoch 10")
    ChartTestSupport.expectFits(narrow, width: 38)
  }

  @Test func oneEpochGapsAndFlatLinesStillDraw() {
    let ascii = TerminalCapabilities(isTerminal: false, colors: .none, width: 40, usesUnicode: false)
    for values in [[1.0], [1.0, .nan, 0.5], [0.3, 0.3, 0.3]] {
      let chart = LineChart(series: [.init("loss", values)])
      let lines = chart.lines(for: .plain(width: 40))
      ChartTestSupport.expectFits(lines, width: 40)
      let dotted = lines.dropLast(4).joined().filter(Self.isBrailleDots)
      #expect(dotted.count >= values.filter(\.isFinite).count - 1, "\(values)")
      #expect(chart.lines(for: ascii).joined().contains("*"), "\(values)")
    }
  }

  @Test func hugeAndOpposedValuesStillFitTheWidth() {
    for values in [[1e30, 2e30, 1.5e30], [1e308, -1e308, 0], [1e-12, 3e-12, 2e-12]] {
      for width in ChartTestSupport.widths {
        ChartTestSupport.expectFits(
          LineChart(series: [.init("loss", values)]).lines(for: .plain(width: width)), width: width)
      }
    }
  }

  @Test func colourAndPlainShowTheSameTextAtEveryWidth() {
    ChartTestSupport.expectSameTextInBothModes(at: ChartTestSupport.widths + ChartTestSupport.tinyWidths) {
      chart.lines(for: $0)
    }
  }

  @Test func anEmptyChartSaysSo() {
    #expect(LineChart(series: [.init("loss", [])]).lines(for: .plain()) == ["(no values to plot)"])
  }

  @Test func svgParsesAsXMLAndDashesTheValidationLine() {
    let svg = chart.svg(title: "loss & val_loss")
    #expect(ChartTestSupport.parses(svg))
    let text = svg.rendered()
    #expect(text.contains("stroke-dasharray"))
    #expect(text.contains("lowest val_loss 0.95 at epoch 6"))
  }
}
