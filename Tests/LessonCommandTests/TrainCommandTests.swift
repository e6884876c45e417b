import CNN
import CNNTestSupport
import Foundation
import Testing

@testable import lesson

@Suite struct TrainCommandTests {
  @Test func optionsAreParsed() throws {
    let command = try LessonCommand.parse([
      "train", "Datasets/digits", "--model", "small", "--epochs", "3", "--image-size", "20", "24", "--batch-size", "16",
      "--seed", "7", "--save", "m.cnnmodel",
    ])
    #expect(
      command
        == .train(
          TrainOptions(
            folder: "Datasets/digits", model: .small, epochs: 3, imageSize: [20, 24], batchSize: 16, seed: 7,
            savePath: "m.cnnmodel")))
    #expect(throws: UsageError.missingArgument(command: "train", argument: "folder of class folders")) {
      try LessonCommand.parse(["train"])
    }
    #expect(throws: UsageError.unexpectedArgument("--fast")) { try LessonCommand.parse(["train", "d", "--fast"]) }
  }

  @Test func trainsOnTheDigitsAndSavesAModelThatLoads() throws {
    let digits = ImageCommandTests.datasets + "/digits"
    let saved = FileManager.default.temporaryDirectory.appendingPathComponent("digits-\(UUID().uuidString).cnnmodel")
      .path
    defer { try? FileManager.default.removeItem(atPath: saved) }
    let captured = CapturedOutput()
    try TrainingOutput.$current.withValue(captured.output(isTerminal: false)) {
      try Train(options: TrainOptions(folder: digits, epochs: 1, savePath: saved)).run()
    }
    let text = captured.text
    #expect(text.contains("Found 3000 files belonging to 10 classes."))
    #expect(text.contains("Found 1000 files belonging to 10 classes."))
    let accuracy = try #require(text.split(separator: "\n").first { $0.hasPrefix("Validation accuracy:") })
    let value = try #require(Double(accuracy.split(separator: " ")[2]))
    #expect(value > 0.7, "one epoch on 3,000 digits should already beat 70 %: \(accuracy)")
    let model = try Model.load(from: saved)
    #expect(model.inputShape == [28, 28, 1] && model.outputShape == [10])
  }
}
