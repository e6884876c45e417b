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

  @Test func plainRenderingAt60ColumnsMatchesTheGolden() {
    let expected = """
      loss
      1.5 ┤●╮
          │ ╰─╮
          │○╌╌╮──●
          │   ╰╌╌○╌╮─╮
      1.0 ┤        ╰╌╌╌○╌╌╌╌╌○╌╌╌╌╌○╌╌╮   ╭╌╌╌╌○╌╌╌╌╌○╌╌╌╌╌○╌╌╌╌╌○
          │                ╰─●─────●─╮╰╌╌▼╯
          │                          ╰───●─────●────╮
          │                                         ╰●─────●─────●
          └┬─────┬─────┬─────┬─────┬─────┬─────┬─────┬─────┬─────┬
           1     2     3     4     5     6     7     8     9    10
                                    epoch
      ─●─ loss   ╌○╌ val_loss   ▼ lowest val_loss 0.95 at epoch 6
      """
    #expect(chart.lines(for: .plain(width: 60)).joined(separator: "\n") == expected)
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

  @Test func seriesDifferByGlyphsAndTheLegendSaysWhichIsWhich() {
    let lines = chart.lines(for: .plain(width: 80))
    let plot = lines[1..<9].joined()
    #expect(plot.contains("●") && plot.contains("○"))
    #expect(plot.contains("─") && plot.contains("╌"))
    #expect(lines.last?.contains("─●─ loss") == true)
    #expect(lines.last?.contains("╌○╌ val_loss") == true)
  }

  @Test func theLowestValidationLossIsMarkedOnceAndNamed() {
    let lines = chart.lines(for: .plain(width: 80))
    #expect(lines.joined().filter { $0 == "▼" }.count == 2)  // on the plot and in the note
    #expect(lines.last?.hasSuffix("▼ lowest val_loss 0.95 at epoch 6") == true)
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
    #expect(accuracy.lines(for: .plain(width: 60)).last == "─●─ val_accuracy   ▲ highest val_accuracy 0.95 at epoch 10")
    let narrow = accuracy.lines(for: .plain(width: 38))
    #expect(narrow.last == "▲ val_accuracy 0.95, epoch 10")
    ChartTestSupport.expectFits(narrow, width: 38)
  }

  @Test func oneEpochGapsAndFlatLinesStillDraw() {
    for values in [[1.0], [1.0, .nan, 0.5], [0.3, 0.3, 0.3]] {
      let lines = LineChart(series: [.init("loss", values)]).lines(for: .plain(width: 40))
      ChartTestSupport.expectFits(lines, width: 40)
      #expect(lines.joined().contains("●"))
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
