import Testing

@testable import TerminalUI

@Suite struct ProbabilityBarsTests {
  static let labels = ["airplane", "bird", "cat", "dog", "truck"]
  let wrong = ProbabilityBars(labels: labels, probabilities: [0.05, 0.71, 0.12, 0.08, 0.04], trueLabel: "cat")
  let right = ProbabilityBars(labels: labels, probabilities: [0.05, 0.12, 0.71, 0.08, 0.04], trueLabel: "cat")

  @Test func plainRenderingAt80ColumnsMatchesTheGolden() {
    let expected = """
      airplane █▌                                 5.0%
      bird     ██████████████████████            71.0%  ◀ predicted: bird  ✗ true: cat
      cat      ███▊                              12.0%  ◁ true label
      dog      ██▌                                8.0%
      truck    █▎                                 4.0%
      """
    #expect(wrong.lines(for: .plain(width: 80)).joined(separator: "\n") == expected)
  }

  @Test func narrowTerminalsMoveTheWordsUnderTheBars() {
    let expected = """
      airplane █                       5.0%
      bird     ██████████████▎        71.0%  ◀
      cat      ██▍                    12.0%  ◁
      dog      █▋                      8.0%
      truck    ▊                       4.0%
      ◀ predicted: bird (71.0%) ✗ true: cat ◁
      """
    #expect(wrong.lines(for: .plain(width: 40)).joined(separator: "\n") == expected)
  }

  @Test func aCorrectPredictionSaysSo() {
    let lines = right.lines(for: .plain(width: 80))
    #expect(lines[2].hasSuffix("◀ predicted: cat  ✓ correct"))
    #expect(!lines.joined().contains("◁"))
    #expect(right.isCorrect == true && wrong.isCorrect == false)
  }

  @Test func withoutATrueLabelOnlyThePredictionIsMarked() {
    let bars = ProbabilityBars(labels: Self.labels, probabilities: [0.05, 0.71, 0.12, 0.08, 0.04])
    let lines = bars.lines(for: .plain(width: 80))
    #expect(lines[1].hasSuffix("◀ predicted: bird"))
    #expect(!lines.joined().contains("✓") && !lines.joined().contains("✗"))
  }

  @Test func colourModeHighlightsTheArgmaxGreenWhenRightAndRedWhenWrong() {
    let good = ChartTestSupport.foregroundCode(Palette.good)
    let bad = ChartTestSupport.foregroundCode(Palette.bad)
    let rightLines = right.lines(for: ChartTestSupport.colour())
    let wrongLines = wrong.lines(for: ChartTestSupport.colour())
    #expect(rightLines[2].contains(good) && !rightLines[2].contains(bad))
    #expect(wrongLines[1].contains(bad))
    #expect(rightLines[0].contains(ChartTestSupport.foregroundCode(Palette.axis)))
  }

  @Test func plainModeHasNoEscapesAndNoCarriageReturns() {
    ChartTestSupport.expectPlain(wrong.lines(for: .plain(width: 80)))
  }

  @Test(arguments: ChartTestSupport.widths + [10]) func noLineIsWiderThanTheTerminal(width: Int) {
    ChartTestSupport.expectFits(wrong.lines(for: .plain(width: width)), width: width)
    ChartTestSupport.expectFits(wrong.lines(for: ChartTestSupport.colour(width: width)), width: width)
  }

  @Test func colourAndPlainShowTheSameTextAtEveryWidth() {
    ChartTestSupport.expectSameTextInBothModes(at: ChartTestSupport.widths + ChartTestSupport.tinyWidths) {
      wrong.lines(for: $0)
    }
  }

  @Test func barsAreDrawnInEighthsOfACell() {
    #expect(ProbabilityBars.bar(0.5, width: 4) == "██")
    #expect(ProbabilityBars.bar(0.5, width: 3) == "█▌")
    #expect(ProbabilityBars.bar(1.2, width: 3) == "███")
    #expect(ProbabilityBars.bar(0.001, width: 10) == "▏")
    #expect(ProbabilityBars.bar(0, width: 10) == "")
  }

  @Test func logitsGetANoteSuggestingSoftmax() {
    let logits = ProbabilityBars(labels: ["cat", "dog"], probabilities: [2.5, -1.0])
    #expect(logits.lines(for: .plain(width: 200)).last?.contains("apply softmax") == true)
    #expect(wrong.probabilityNote() == nil)
  }

  @Test func svgParsesAsXMLAndNamesThePrediction() {
    let svg = wrong.svg(title: "Test image <17>")
    #expect(ChartTestSupport.parses(svg))
    #expect(svg.rendered().contains("predicted: bird (71.0%)"))
  }
}
