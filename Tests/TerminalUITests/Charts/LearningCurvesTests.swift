import Testing

@testable import TerminalUI

@Suite struct LearningCurvesTests {
  let curves = LearningCurves(
    title: "cifar_model_intro",
    loss: [1.52, 1.21, 1.05, 0.93, 0.85, 0.79, 0.74, 0.70, 0.67, 0.64],
    validationLoss: [1.30, 1.12, 1.03, 0.98, 0.96, 0.95, 0.97, 1.00, 1.02, 1.05],
    accuracy: [0.45, 0.57, 0.63, 0.67, 0.70, 0.72, 0.74, 0.75, 0.76, 0.77],
    validationAccuracy: [0.53, 0.60, 0.63, 0.65, 0.66, 0.67, 0.68, 0.67, 0.66, 0.66])

  @Test func plainRenderingAt80ColumnsPutsTheChartsSideBySide() {
    let expected = """
      cifar_model_intro
      loss                                     accuracy
          │●                                       │                         ╭──●───●
      1.4 ┤╰╮                                      │                 ╭●──●───●
          │○╰─╮                                0.7 ┤            ╭─●──╯
      1.2 ┤╰╌╮╰●                                   │        ╭─╭○╌╌○╌╌╌○╌╌▲╌╌╌○╌╌○╌╌╌○
          │  ╰╌○╮╮                                 │     ╭╌○╌╌╯
      1.0 ┤     ╰╌○╌╌╮           ╭╌╌○╌╌○╌╌╌○   0.6 ┤  ╭╌○╯╯
          │         ╰╰○╌╌○╌╌╌▼╌╌○╯                 │╭╌╯─●
      0.8 ┤            ╰─●───●                     │○╭╯
          │                  ╰──●───●╮         0.5 ┤╭╯
          │                          ╰─●───●       │●
          └┬───┬──┬───┬──┬───┬──┬───┬──┬───┬       └┬───┬──┬───┬──┬───┬──┬───┬──┬───┬
           1   2  3   4  5   6  7   8  9  10        1   2  3   4  5   6  7   8  9  10
                         epoch                                    epoch
      ─●─ loss   ╌○╌ val_loss                  ─●─ accuracy   ╌○╌ val_accuracy
      ▼ lowest val_loss 0.95 at epoch 6        ▲ highest val_accuracy 0.68 at epoch 7

      Validation loss stopped improving after epoch 6 (lowest 0.95) while training
      loss kept falling (accuracy 0.77 on training, 0.66 on validation): the model is
      starting to overfit.
      """
    #expect(curves.lines(for: .plain(width: 80)).joined(separator: "\n") == expected)
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
