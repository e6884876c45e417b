import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import CNN

@Suite(.isolatedSession) struct ProgressOutputTests {
  /// What `fit` prints on an output of `columns` (wide enough for Keras's whole line by default).
  func train(verbose: Verbosity, isTerminal: Bool, epochs: Int = 2, columns: Int = 120) throws -> String {
    setRandomSeed(1)
    let model = try SyntheticImages.brightSideModel()
    model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    let (images, labels) = SyntheticImages.brightSide(count: 40, seed: 1)
    let captured = CapturedOutput()
    try TerminalOutput.$current.withValue(captured.output(isTerminal: isTerminal, columns: columns)) {
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

  /// Keras's final line is 113 columns: at 80 it drops the time, shrinks the bar, shortens the
  /// names and drops the time per step.
  @Test func aFileAt80ColumnsGetsTheLineShortenedToFit() throws {
    let lines = try train(verbose: .auto, isTerminal: false, columns: 80).split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    let shortened = #"^4/4 ━{6} - acc: \d\.\d{4} - loss: \d\.\d{4} - val_acc: \d\.\d{4} - val_loss: \d\.\d{4}$"#
    #expect(lines[1].range(of: shortened, options: .regularExpression) != nil, "\(lines[1])")
    #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 80 })
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

  @Test func verboseTwoFitsANarrowOutput() throws {
    let lines = try train(verbose: 2, isTerminal: false, epochs: 1, columns: 40).split(separator: "\n").map(String.init)
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 40 }, "\(lines)")
    #expect(lines.joined().contains("val_acc: "))
  }

  @Test func verboseZeroPrintsNothing() throws {
    #expect(try train(verbose: 0, isTerminal: true) == "")
  }

  @Test func aColourTerminalGetsKerasColours() throws {
    setRandomSeed(1)
    let model = try SyntheticImages.brightSideModel()
    model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy)
    let (images, labels) = SyntheticImages.brightSide(count: 16, seed: 1)
    let captured = CapturedOutput()
    let colour = TerminalOutput(capabilities: TerminalCapabilities(isTerminal: true, colors: .trueColor, width: 80)) {
      captured.output(isTerminal: true).write($0)
    }
    try TerminalOutput.$current.withValue(colour) {
      try model.fit(images, labels, batchSize: 8, epochs: 1, verbose: 1)
    }
    // The count in bold and the finished bar in the palette's green, as Keras draws them.
    #expect(captured.text.contains("\u{1B}[1m2/2\u{1B}[0m"))
    #expect(captured.text.contains("\u{1B}[38;2;44;160;44m━━━━━━━━━━━━━━━━━━━━\u{1B}[0m"))
  }
}
