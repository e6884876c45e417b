import CNN
import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import lesson

/// `lesson summary|predict|evaluate` on a model trained by `lesson train --save name.keras`.
@Suite(.isolatedSession) struct ModelCommandTests {
  static let digits = ImageCommandTests.datasets + "/digits"

  @Test func theCommandsAreParsed() throws {
    #expect(try LessonCommand.parse(["summary", "m.keras"]) == .model(.summary(model: "m.keras")))
    #expect(
      try LessonCommand.parse(["predict", "m.keras", "a.png", "--classes", "cat,dog", "b.jpg"])
        == .model(.predict(model: "m.keras", images: ["a.png", "b.jpg"], classNames: "cat,dog")))
    #expect(
      try LessonCommand.parse(["evaluate", "m.keras", "test"]) == .model(.evaluate(model: "m.keras", folder: "test")))
    #expect(throws: UsageError.missingArgument(command: "predict", argument: "IMAGE file")) {
      try LessonCommand.parse(["predict", "m.keras"])
    }
    #expect(throws: UsageError.missingArgument(command: "evaluate", argument: "folder of class folders")) {
      try LessonCommand.parse(["evaluate", "m.keras"])
    }
    #expect(throws: UsageError.unexpectedArgument("--fast")) {
      try LessonCommand.parse(["predict", "m", "a", "--fast"])
    }
  }

  /// Trains the lesson model for one epoch on the digits and saves it as a `.keras` file.
  static let trainedModel: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("digits-\(UUID().uuidString).keras").path
    let captured = CapturedOutput()
    try! TerminalOutput.$current.withValue(captured.output(isTerminal: false)) {
      try Train(options: TrainOptions(folder: digits, epochs: 1, savePath: path)).run()
    }
    return path
  }()

  func run(_ command: ModelCommand) throws -> (succeeded: Bool, text: String) {
    let captured = CapturedOutput()
    // Wide enough that no message is broken over lines.
    let succeeded = try TerminalOutput.$current.withValue(captured.output(isTerminal: false, columns: 200)) {
      try command.run(output: TerminalOutput.current)
    }
    return (succeeded, captured.text)
  }

  @Test func summaryReadsAModelFile() throws {
    let (succeeded, text) = try run(.summary(model: Self.trainedModel))
    #expect(succeeded)
    #expect(text.contains("Model: \"cifar_model_intro\""))
    #expect(text.contains("(None, 28, 28, 1)"))
  }

  @Test func predictShowsEachImagesClassAndSkipsWhatIsNoImage() throws {
    let three = Self.digits + "/test/3/00000.png"
    let notAnImage = Self.digits + "/README.md"
    let (succeeded, text) = try run(
      .predict(model: Self.trainedModel, images: [three, notAnImage], classNames: Self.digits + "/test"))
    #expect(!succeeded, "a file that is no image makes the command fail, after the others")
    #expect(text.contains("\(three): 3 (probability"), "\(text)")
    #expect(text.contains("◀ predicted: 3"))
    let skipped = try #require(text.split(separator: "\n").first { $0.hasPrefix("Skipped ") })
    #expect(skipped.hasPrefix("Skipped \(notAnImage): not an image file"), "\(skipped)")
    #expect(skipped.components(separatedBy: notAnImage).count == 2, "the path is named once: \(skipped)")
    let error = #expect(throws: ModelCommandError.self) {
      try run(.predict(model: Self.trainedModel, images: [three], classNames: "cat,dog"))
    }
    #expect(error == .classNameCount(given: 2, outputs: 10))
    #expect(error?.description.hasPrefix("--classes gives 2 class names, but the model has 10 outputs") == true)
  }

  @Test func aModelEndingInScoresIsShownThroughASoftmax() throws {
    let logits = try Sequential {
      Input(shape: [28, 28, 1])
      Flatten()
      Dense(units: 10)
    }
    #expect(logits.outputActivation == .linear)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("logits-\(UUID().uuidString).keras").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try logits.save(to: path)
    let three = Self.digits + "/test/3/00000.png"
    let scores = try run(.predict(model: path, images: [three], classNames: nil)).text
    #expect(scores.contains("the softmax of the model's scores"), "\(scores)")
    let probabilities = try run(.predict(model: Self.trainedModel, images: [three], classNames: nil)).text
    #expect(!probabilities.contains("softmax"), "\(probabilities)")
  }

  @Test func evaluateGivesTheAccuracyAndTheConfusionMatrix() throws {
    let (succeeded, text) = try run(.evaluate(model: Self.trainedModel, folder: Self.digits + "/test"))
    #expect(succeeded)
    #expect(text.contains("Found 1000 files belonging to 10 classes."))
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Accuracy:") })
    let percent = try #require(Double(line.split(separator: " ")[1].dropLast()))
    #expect(percent > 70, "one epoch on the digits already beats 70 %: \(line)")
    #expect(text.contains("true ↓"))
  }

  @Test func evaluateOnAFolderWithOtherClassesSaysHowManyEachHas() throws {
    let folder = try ImageFolder()
    for name in ["cat/0.ppm", "dog/0.ppm"] { try folder.addImage(name, value: 9, width: 28, height: 28) }
    let error = #expect(throws: ModelCommandError.self) {
      try run(.evaluate(model: Self.trainedModel, folder: folder.path))
    }
    #expect(error == .classFolderCount(folder: folder.path, found: 2, model: "cifar_model_intro", outputs: 10))
    #expect(error?.description.contains("has 2 class folders, but model \"cifar_model_intro\" has 10 outputs") == true)
  }
}
