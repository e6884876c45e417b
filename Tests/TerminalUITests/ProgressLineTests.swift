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
    #expect(line.oneLineSummary == "  5/320 - 9s - 1ms/step")
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
}
