import Foundation
import Testing

@testable import TerminalUI

@Suite struct ConfusionMatrixViewTests {
  static let labels = ["airplane", "bird", "cat", "dog", "truck"]
  let view = ConfusionMatrixView(
    matrix: [[38, 3, 2, 1, 6], [4, 29, 9, 6, 2], [2, 6, 25, 14, 3], [1, 5, 12, 30, 2], [5, 1, 2, 1, 41]],
    labels: labels)

  @Test func plainRenderingAt80ColumnsMatchesTheGolden() {
    let expected = """
                               predicted →
      true ↓   airplane     bird      cat      dog    truck │ total  recall
      airplane     [38]       3        2        1        6  │    50   76.0%
      bird           4      [29]       9        6        2  │    50   58.0%
      cat            2        6      [25]      14        3  │    50   50.0%
      dog            1        5       12      [30]       2  │    50   60.0%
      truck          5        1        2        1      [41] │    50   82.0%
      ──────────────────────────────────────────────────────┼──────────────
      total         50       44       50       52       54  │   250
      Accuracy: 65.2% (163 of 250 images on the diagonal).
      Most confused: 14 images of "cat" predicted as "dog".
      """
    #expect(view.lines(for: .plain(width: 80)).joined(separator: "\n") == expected)
  }

  @Test func narrowTerminalsShortenTheLabelsAndAddAKey() {
    let expected = """
                   predicted →
      true ↓ airp bird  cat  dog truc │ total
      airp   [38]   3    2    1    6  │    50
      bird     4  [29]   9    6    2  │    50
      cat      2    6  [25]  14    3  │    50
      dog      1    5   12  [30]   2  │    50
      truc     5    1    2    1  [41] │    50
      ────────────────────────────────┼──────
      total   50   44   50   52   54  │   250
      Accuracy: 65.2% (163 of 250 images on
      the diagonal).
      Most confused: 14 images of "cat"
      predicted as "dog".
      Key: airp = airplane, truc = truck
      """
    #expect(view.lines(for: .plain(width: 40)).joined(separator: "\n") == expected)
  }

  @Test func veryNarrowTerminalsGetOneSentencePerClass() {
    let text = view.lines(for: .plain(width: 20)).joined(separator: " ")
    #expect(text.contains("cat: 25 of 50 correct (50.0%), most often predicted as dog (14)."))
  }

  @Test func theLessonsMatrixIsMostConfusedAboutAirplanesPredictedAsCats() {
    let lesson = ConfusionMatrixView(
      matrix: [
        [9, 15, 17, 5, 4], [3, 17, 16, 8, 6], [12, 10, 13, 5, 10], [7, 13, 10, 5, 15], [10, 12, 12, 4, 12],
      ],
      labels: Self.labels)
    #expect(lesson.confusionSentence == #"Most confused: 17 images of "airplane" predicted as "cat"."#)
    #expect(lesson.accuracySentence == "Accuracy: 22.4% (56 of 250 images on the diagonal).")
    #expect(lesson.columnTotals == [41, 67, 68, 27, 47])
  }

  @Test func colourAndPlainShowTheSameTextAtEveryWidth() {
    ChartTestSupport.expectSameTextInBothModes(at: ChartTestSupport.widths + ChartTestSupport.tinyWidths) {
      view.lines(for: $0)
    }
  }

  @Test func aPerfectMatrixHasNoConfusions() {
    let perfect = ConfusionMatrixView(matrix: [[5, 0], [0, 7]], labels: ["cat", "dog"])
    #expect(perfect.mostConfused == nil)
    #expect(perfect.confusionSentence == "No confusions: every image is on the diagonal.")
  }

  @Test func recallCanBeLeftOut() {
    let lines = ConfusionMatrixView(matrix: view.matrix, labels: Self.labels, showsRecall: false).lines(for: .plain())
    #expect(!lines.joined().contains("recall"))
  }

  @Test func colourModeTintsMistakesAndTheDiagonalOnTheirOwnScales() {
    let text = view.lines(for: ChartTestSupport.colour()).joined()
    #expect(text.contains(ChartTestSupport.backgroundCode(Palette.correct.steps[2])))  // 41, the largest correct
    #expect(text.contains(ChartTestSupport.backgroundCode(Palette.mistakes.steps[2])))  // 14, the largest mistake
    #expect(text.contains(ChartTestSupport.backgroundCode(Palette.mistakes.steps[0])))  // 1, the smallest
  }

  @Test func plainModeHasNoEscapesAndNoCarriageReturns() {
    ChartTestSupport.expectPlain(view.lines(for: .plain(width: 80)))
  }

  @Test(arguments: ChartTestSupport.widths + [20]) func noLineIsWiderThanTheTerminal(width: Int) {
    ChartTestSupport.expectFits(view.lines(for: .plain(width: width)), width: width)
    ChartTestSupport.expectFits(view.lines(for: ChartTestSupport.colour(width: width)), width: width)
  }

  @Test func raggedMatricesCountMissingCellsAsZero() {
    let ragged = ConfusionMatrixView(matrix: [[3], [1, 2]], labels: ["cat", "dog"])
    #expect(ragged.matrix == [[3, 0], [1, 2]])
  }

  @Test func svgParsesAsXMLAndCarriesBothSentences() {
    let svg = view.svg(title: "Test set")
    #expect(ChartTestSupport.parses(svg))
    #expect(svg.rendered().contains("Most confused: 14 images of &quot;cat&quot; predicted as &quot;dog&quot;."))
  }
}

@Suite struct ConfusionMatrixColourTests {
  /// Zeros off and on the diagonal, and mistakes from 1 to 14.
  let view = ConfusionMatrixView(
    matrix: [[38, 3, 0, 1, 6], [4, 0, 9, 6, 0], [2, 6, 25, 14, 3], [1, 5, 12, 30, 2], [5, 1, 2, 0, 41]],
    labels: ConfusionMatrixViewTests.labels)

  /// The tinted cells of the table's rows: count, whether on the diagonal, and background.
  func tintedCells(_ colors: TerminalCapabilities.ColorSupport) -> [(count: Int, diagonal: Bool, background: RGBColor)]
  {
    let lines = view.lines(for: TerminalCapabilities(isTerminal: true, colors: colors, width: 80))
    return lines[2..<(2 + view.labels.count)].flatMap { line in
      DrawnCell.tintedWords(of: line).map { run in
        let diagonal = run.text.hasPrefix("[")
        return (Int(run.text.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))!, diagonal, run.background)
      }
    }
  }

  /// On each scale, a larger count is never drawn lighter (OKLab L) than a smaller one.
  @Test(arguments: [TerminalCapabilities.ColorSupport.palette256, .palette16, .trueColor])
  func largerCountsAreNeverLighter(colors: TerminalCapabilities.ColorSupport) {
    let cells = tintedCells(colors)
    for diagonal in [true, false] {
      let scale = cells.filter { $0.diagonal == diagonal }.sorted { $0.count < $1.count }
      #expect(scale.count == (diagonal ? 4 : 17), "every non-zero count is tinted")
      for (smaller, larger) in zip(scale, scale.dropFirst()) {
        #expect(
          OKLab(larger.background).l <= OKLab(smaller.background).l,
          "\(larger.count) is lighter than \(smaller.count) (diagonal: \(diagonal))")
      }
    }
  }

  @Test(arguments: [TerminalCapabilities.ColorSupport.palette256, .palette16, .trueColor])
  func mistakesStandOutAndZerosStayUntinted(colors: TerminalCapabilities.ColorSupport) {
    let cells = tintedCells(colors)
    #expect(!cells.contains { $0.count == 0 }, "zero cells keep the terminal's background")
    let mistakes = Set(cells.filter { !$0.diagonal }.map(\.background))
    let diagonal = Set(cells.filter(\.diagonal).map(\.background))
    #expect(mistakes.isDisjoint(with: diagonal))
    #expect(mistakes.count == 3, "each step of the mistakes' scale shows")
    let largest = cells.first { $0.count == 14 }!.background
    #expect(!mistakes.contains(.white) && OKLab(largest).distance(to: OKLab(RGBColor.white)) > 0.3)
  }

  @Test func theDiagonalKeepsItsBracketsInPlainText() {
    let plain = view.lines(for: .plain()).joined(separator: "\n")
    #expect(plain.contains("[38]") && plain.contains("[ 0]"))
  }
}
