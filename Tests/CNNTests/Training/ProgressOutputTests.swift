import CNNTestSupport
import Foundation
import Testing

@testable import CNN

@Suite(.isolatedSession) struct ProgressOutputTests {
  func train(verbose: Verbosity, isTerminal: Bool, epochs: Int = 2) throws -> String {
    setRandomSeed(1)
    let model = try SyntheticImages.brightSideModel()
    model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    let (images, labels) = SyntheticImages.brightSide(count: 40, seed: 1)
    let captured = CapturedOutput()
    try TrainingOutput.$current.withValue(captured.output(isTerminal: isTerminal)) {
      try model.fit(images, labels, batchSize: 8, epochs: epochs, verbose: verbose, validationSplit: 0.2)
    }
    return captured.text
  }

  /// Keras 3's final line: count, 20 heavy bars, seconds, time per step, then the logs in order.
  static let finalLine =
    #"^4/4 ━{20} \d+s \d+(us|ms|s)/step - accuracy: \d\.\d{4} - loss: \d\.\d{4} - val_accuracy: \d\.\d{4} - val_loss: \d\.\d{4}$"#

  @Test func aFileGetsOnePlainLinePerEpoch() throws {
    let text = try train(verbose: .auto, isTerminal: false)
    #expect(!text.contains("\r") && !text.contains("\u{1B}"))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0] == "Epoch 1/2" && lines[2] == "Epoch 2/2")
    #expect(lines[1].range(of: Self.finalLine, options: .regularExpression) != nil, "\(lines[1])")
  }

  @Test func aTerminalGetsTheLineRedrawnInPlace() throws {
    let text = try train(verbose: 1, isTerminal: true, epochs: 1)
    #expect(text.hasPrefix("\r1/4 ━━━━━─────────────── "))
    #expect(text.hasSuffix("\n"))
    #expect(!text.contains("\u{1B}"))
    let last = try #require(text.split(separator: "\r").last).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(last.range(of: Self.finalLine, options: .regularExpression) != nil, "\(last)")
  }

  @Test func verboseTwoPrintsKerasShortLine() throws {
    let lines = try train(verbose: 2, isTerminal: true, epochs: 1).split(separator: "\n")
    #expect(lines.count == 1)
    #expect(
      lines[0].range(
        of: #"^4/4 - \d+s - \d+(us|ms|s)/step - accuracy: \d\.\d{4} - loss: \d\.\d{4} - val_accuracy"#,
        options: .regularExpression) != nil, "\(lines[0])")
  }

  @Test func verboseZeroPrintsNothing() throws {
    #expect(try train(verbose: 0, isTerminal: true) == "")
  }

  @Test func timesAndValuesAreFormattedAsKerasDoes() {
    #expect(ProgressBar.formatStepTime(0.015) == " 15ms/step")
    #expect(ProgressBar.formatStepTime(2.4) == " 2s/step")
    #expect(ProgressBar.formatStepTime(0.000_85) == " 850us/step")
    #expect(ProgressBar.formatEstimate(7.9) == "7s")
    #expect(ProgressBar.formatEstimate(65) == "1:05")
    #expect(ProgressBar.formatEstimate(3665) == "1:01:05")
    #expect(ProgressBar.formatValue(0.45213) == "0.4521")
    #expect(ProgressBar.formatValue(0.000_123_45) == "1.2345e-04")
    #expect(ProgressBar.bar(step: 12, total: 32, countText: "12/32") == "12/32 ━━━━━━━─────────────")
  }
}
