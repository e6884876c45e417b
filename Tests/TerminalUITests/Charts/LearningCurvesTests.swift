import Testing

@testable import TerminalUI

@Suite struct LearningCurvesTests {
  let curves = LearningCurves(
    title: "cifar_model_intro",
    loss: [1.52, 1.21, 1.05, 0.93, 0.85, 0.79, 0.74, 0.70, 0.67, 0.64],
    validationLoss: [1.30, 1.12, 1.03, 0.98, 0.96, 0.95, 0.97, 1.00, 1.02, 1.05],
    accuracy: [0.45, 0.57, 0.63, 0.67, 0.70, 0.72, 0.74, 0.75, 0.76, 0.77],
    validationAccuracy: [0.53, 0.60, 0.63, 0.65, 0.66, 0.67, 0.68, 0.67, 0.66, 0.66])

  @Test func plainRenderingAt80ColumnsPutsTheChartsSideBySideOnOneAxisLine() throws {
    let lines = curves.lines(for: .plain(width: 80))
    let panel = (80 - LearningCurves.gap) / 2
    #expect(lines[0] == "cifar_model_intro")
    #expect(lines[1] == "loss" + String(repeating: " ", count: panel - 4 + LearningCurves.gap) + "accuracy")
    let loss = try #require(PlottedDots(lines: lines.map { String($0.prefix(panel)) }))
    let accuracy = try #require(PlottedDots(lines: lines.map { String($0.dropFirst(panel + LearningCurves.gap)) }))
    // In at most 13 rows, loss 0.64...1.52 is finest with a tick every 0.2, two rows apart (0.1 a
    // row), accuracy 0.45...0.77 with a tick every 0.1, three rows apart (0.033 a row); the loss
    // plot is extended upward to the accuracy plot's 13 rows.
    #expect(loss.ticks.map(\.label) == ["0.6", "0.8", "1.0", "1.2", "1.4", "1.6"])
    #expect(loss.ticks.map(\.row) == [0, 2, 4, 6, 8, 10])
    #expect(accuracy.ticks.map(\.label) == ["0.4", "0.5", "0.6", "0.7", "0.8"])
    #expect(accuracy.ticks.map(\.row) == [0, 3, 6, 9, 12])
    #expect(loss.rows == 13 && accuracy.rows == 13)
    #expect(loss.epochColumns.count == 10 && accuracy.epochColumns.count == 10)
    #expect(lines.filter { $0.contains("└") }.count == 1)
    #expect(lines.contains("⠒⠒⠒ loss   ⠂⠂⠂ val_loss                  ⠒⠒⠒ accuracy   ⠂⠂⠂ val_accuracy"))
    #expect(lines.contains("▼ lowest val_loss 0.95 at epoch 6        ▲ highest val_accuracy 0.68 at epoch 7"))
    #expect(Array(lines.suffix(4)) == [""] + TextLayout.wrapped(curves.reading.sentence, width: 80))
  }

  @Test(arguments: ChartTestSupport.widths) func withoutUnicodeEveryLineIsASCII(width: Int) {
    let ascii = TerminalCapabilities(isTerminal: false, colors: .none, width: width, usesUnicode: false)
    let lines = curves.lines(for: ascii)
    #expect(lines.allSatisfy { $0.allSatisfy(\.isASCII) }, "\(lines)")
    ChartTestSupport.expectFits(lines, width: width)
  }

  @Test func narrowTerminalsStackTheCharts() {
    let lines = curves.lines(for: .plain(width: 74))
    let lossTitle = lines.firstIndex(of: "loss")
    let accuracyTitle = lines.firstIndex(of: "accuracy")
    #expect(lossTitle != nil && accuracyTitle != nil)
    #expect((lossTitle ?? 0) < (accuracyTitle ?? 0))
  }

  @Test(arguments: ChartTestSupport.widths) func noLineIsWiderThanTheTerminal(width: Int) {
    ChartTestSupport.expectFits(curves.lines(for: .plain(width: width)), width: width)
    ChartTestSupport.expectFits(curves.lines(for: ChartTestSupport.colour(width: width)), width: width)
  }

  @Test func plainModeHasNoEscapesAndNoCarriageReturns() {
    ChartTestSupport.expectPlain(curves.lines(for: .plain(width: 120)))
  }

  @Test func colourModeUsesTheTrainingAndValidationColours() {
    let text = curves.lines(for: ChartTestSupport.colour(width: 120)).joined()
    #expect(text.contains(ChartTestSupport.foregroundCode(Palette.training)))
    #expect(text.contains(ChartTestSupport.foregroundCode(Palette.validation)))
  }

  @Test func colourAndPlainShowTheSameTextAtEveryWidth() {
    ChartTestSupport.expectSameTextInBothModes(at: ChartTestSupport.widths + ChartTestSupport.tinyWidths) {
      curves.lines(for: $0)
    }
  }

  @Test func theLastLinesAreTheReading() {
    let lines = curves.lines(for: .plain(width: 200))
    #expect(lines.last == curves.reading.sentence)
  }

  @Test func withoutAccuracyOnlyTheLossChartIsDrawn() {
    let lossOnly = LearningCurves(loss: [1.0, 0.8, 0.7], validationLoss: [1.1, 0.9, 0.85])
    let lines = lossOnly.lines(for: .plain(width: 80))
    #expect(lines.first == "loss")
    #expect(!lines.contains("accuracy"))
  }

  @Test func svgParsesAsXMLAndCarriesTheReadingAsCaption() {
    let svg = curves.svg()
    #expect(ChartTestSupport.parses(svg))
    #expect(svg.rendered().contains("the model is starting to overfit."))
    #expect(svg.rendered().contains("val_accuracy"))
  }
}
