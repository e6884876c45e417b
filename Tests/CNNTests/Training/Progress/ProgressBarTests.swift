import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import CNN

@Suite struct ProgressBarTests {
  static let start = Date(timeIntervalSinceReferenceDate: 0)
  static let training = Logs([("accuracy", 0.45213), ("loss", 1.20312)])
  static let final = Logs([("accuracy", 0.5), ("loss", 0.69), ("val_accuracy", 0.5), ("val_loss", 0.7)])

  /// What an epoch of `total` steps writes to an output of `columns`, a second a step.
  func epoch(total: Int = 125, isTerminal: Bool, columns: Int) -> String {
    let captured = CapturedOutput()
    var bar = ProgressBar(
      total: total, verbosity: .progressBar, output: captured.output(isTerminal: isTerminal, columns: columns),
      start: Self.start)
    for step in 1...total {
      bar.update(step: step, logs: step == total ? Self.final : Self.training, now: Self.start + Double(step))
    }
    return captured.text
  }

  @Test func aTerminalTooNarrowForTheLineGetsOnlyTheFinalLineNeverARedraw() {
    let text = epoch(isTerminal: true, columns: 40)
    #expect(!text.contains("\r"))
    let lines = text.split(separator: "\n")
    #expect(lines.first?.hasPrefix("125/125 ━━━━━━ - acc: 0.5000") == true, "\(text)")
    #expect(lines.allSatisfy { TextLayout.visibleWidth(String($0)) <= 40 }, "\(text)")
  }

  @Test func aTerminalRedrawsTheWidestLineThatFits() throws {
    let text = epoch(isTerminal: true, columns: 120)
    let draws = text.split(separator: "\r").map {
      $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
    }
    #expect(draws.count == 125)
    #expect(
      draws.first?.hasPrefix("  1/125 ──────────────────── 2:04 1s/step - accuracy: 0.4521") == true, "\(draws[0])")
    let last = try #require(draws.last)
    #expect(
      last
        == "125/125 ━━━━━━━━━━━━━━━━━━━━ 125s 1s/step - accuracy: 0.5000 - loss: 0.6900 - val_accuracy: 0.5000 - val_loss: 0.7000"
    )
  }

  @Test func everyRedrawFitsTheTerminal() {
    for columns in [60, 80, 100] {
      let text = epoch(isTerminal: true, columns: columns)
      let draws = text.split(separator: "\r").flatMap { $0.split(separator: "\n") }
      #expect(draws.allSatisfy { TextLayout.visibleWidth(String($0)) <= columns }, "\(columns): \(text)")
    }
  }

  @Test func aPipeGetsOneLineThatFits() {
    #expect(
      epoch(isTerminal: false, columns: 80)
        == "125/125 ━━━━━━ - acc: 0.5000 - loss: 0.6900 - val_acc: 0.5000 - val_loss: 0.7000\n")
    #expect(
      epoch(isTerminal: false, columns: 120)
        == "125/125 ━━━━━━━━━━━━━━━━━━━━ 125s 1s/step - accuracy: 0.5000 - loss: 0.6900 - val_accuracy: 0.5000 - val_loss: 0.7000\n"
    )
  }
}
