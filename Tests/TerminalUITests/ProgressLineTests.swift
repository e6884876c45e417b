import Testing

@testable import TerminalUI

@Suite struct ProgressLineTests {
  let running = ProgressLine(
    step: 12, total: 32, time: "1s", stepTime: "15ms/step", metrics: [("accuracy", 0.45213), ("loss", 1.20312)])

  @Test func plainLineIsKerasTextWithTheRemainderLight() {
    #expect(
      running.rendered(for: .plain()) == "12/32 ━━━━━━━───────────── 1s 15ms/step - accuracy: 0.4521 - loss: 1.2031")
    let done = ProgressLine(step: 32, total: 32, time: "2s", stepTime: "15ms/step", metrics: [("loss", 0.5)])
    #expect(done.rendered(for: .plain()) == "32/32 ━━━━━━━━━━━━━━━━━━━━ 2s 15ms/step - loss: 0.5000")
  }

  @Test func colourLineIsBoldGreenAndWhiteAsKerasDrawsIt() {
    let line = running.rendered(for: TerminalCapabilities(isTerminal: true, colors: .trueColor, width: 80))
    #expect(
      line.hasPrefix(
        "\u{1B}[1m12/32\u{1B}[0m \u{1B}[38;2;44;160;44m━━━━━━━\u{1B}[0m\u{1B}[38;2;255;255;255m━━━━━━━━━━━━━\u{1B}[0m"))
    #expect(line.contains("\u{1B}[1m1s\u{1B}[0m 15ms/step"))
  }

  @Test func countsAreRightAlignedToTheTotal() {
    let line = ProgressLine(step: 5, total: 320, time: "9s", stepTime: "1ms/step", metrics: [])
    #expect(line.rendered(for: .plain()).hasPrefix("  5/320 "))
    #expect(line.oneLineSummary(width: 80) == ["  5/320 - 9s - 1ms/step"])
  }

  @Test func timesAndValuesAreFormattedAsKerasDoes() {
    #expect(ProgressLine.formatStepTime(0.015) == "15ms/step")
    #expect(ProgressLine.formatStepTime(2.4) == "2s/step")
    #expect(ProgressLine.formatStepTime(0.000_85) == "850us/step")
    #expect(ProgressLine.formatEstimate(7.9) == "7s")
    #expect(ProgressLine.formatEstimate(65) == "1:05")
    #expect(ProgressLine.formatEstimate(3665) == "1:01:05")
    #expect(ProgressLine.formatElapsed(2.6) == "3s")
    #expect(ProgressLine.formatValue(0.45213) == "0.4521")
    #expect(ProgressLine.formatValue(0.000_123_45) == "1.2345e-04")
  }

  // MARK: - Fitting the width

  static let final = ProgressLine(
    step: 125, total: 125, time: "25s", stepTime: "198ms/step",
    metrics: [("accuracy", 0.5), ("loss", 0.6931), ("val_accuracy", 0.5), ("val_loss", 0.7012)])

  static let keras =
    "125/125 ━━━━━━━━━━━━━━━━━━━━ 25s 198ms/step - accuracy: 0.5000 - loss: 0.6931 - val_accuracy: 0.5000 - val_loss: 0.7012"

  @Test(arguments: [40, 60, 80, 100, 120])
  func everyRenderedLineFitsTheWidth(width: Int) {
    for capabilities in VisibleText.everyMode(width: width) {
      for line in [Self.final, running] {
        #expect(line.lines(for: capabilities).allSatisfy { TextLayout.visibleWidth($0) <= width })
        if line.fits(in: width) { #expect(TextLayout.visibleWidth(line.rendered(for: capabilities)) <= width) }
      }
    }
  }

  @Test func kerasTextIsKeptWhenItFits() {
    #expect(Self.keras.count == 119)
    #expect(Self.final.rendered(for: .plain(width: 120)) == Self.keras)
    #expect(Self.final.lines(for: .plain(width: 119)) == [Self.keras])
  }

  @Test func theTimeGoesFirstThenTheBarShrinks() {
    #expect(
      Self.final.rendered(for: .plain(width: 118))
        == "125/125 ━━━━━━━━━━━━━━━━━━━━ 198ms/step - accuracy: 0.5000 - loss: 0.6931 - val_accuracy: 0.5000 - val_loss: 0.7012"
    )
    #expect(
      Self.final.rendered(for: .plain(width: 110))
        == "125/125 ━━━━━━━━━━━━━━━ 198ms/step - accuracy: 0.5000 - loss: 0.6931 - val_accuracy: 0.5000 - val_loss: 0.7012"
    )
  }

  @Test func thenNamesShortenThenTheStepTimeGoes() {
    #expect(
      Self.final.rendered(for: .plain(width: 101))
        == "125/125 ━━━━━━ 198ms/step - accuracy: 0.5000 - loss: 0.6931 - val_accuracy: 0.5000 - val_loss: 0.7012")
    #expect(
      Self.final.rendered(for: .plain(width: 100))
        == "125/125 ━━━━━━ 198ms/step - acc: 0.5000 - loss: 0.6931 - val_acc: 0.5000 - val_loss: 0.7012")
    #expect(
      Self.final.rendered(for: .plain(width: 90))
        == "125/125 ━━━━━━ - acc: 0.5000 - loss: 0.6931 - val_acc: 0.5000 - val_loss: 0.7012")
  }

  @Test func aLineThatCannotFitIsBrokenBeforeItsMetrics() {
    #expect(!Self.final.fits(in: 40))
    #expect(
      Self.final.lines(for: .plain(width: 40)) == [
        "125/125 ━━━━━━ - acc: 0.5000", "  - loss: 0.6931 - val_acc: 0.5000", "  - val_loss: 0.7012",
      ])
  }

  @Test func theBarShrinksWithItsProgress() {
    let half = ProgressLine(step: 50, total: 100, time: "1s", stepTime: "1ms/step", metrics: [("loss", 1)])
    #expect(half.rendered(for: .plain(width: 40)) == " 50/100 ━━━━──── 1ms/step - loss: 1.0000")
  }

  @Test func theOneLineSummaryShortensNamesThenBreaksToFit() {
    let summary =
      "125/125 - 25s - 198ms/step - accuracy: 0.5000 - loss: 0.6931 - val_accuracy: 0.5000 - val_loss: 0.7012"
    #expect(Self.final.oneLineSummary(width: 120) == [summary])
    #expect(
      Self.final.oneLineSummary(width: 100) == [
        "125/125 - 25s - 198ms/step - acc: 0.5000 - loss: 0.6931 - val_acc: 0.5000 - val_loss: 0.7012"
      ])
    let narrow = Self.final.oneLineSummary(width: 40)
    #expect(narrow.first == "125/125 - 25s - 198ms/step - acc: 0.5000")
    #expect(narrow.allSatisfy { TextLayout.visibleWidth($0) <= 40 }, "\(narrow)")
  }
}
