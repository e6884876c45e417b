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

/// `lesson train` as a learner runs it: the built executable in a child process, so that its exit
/// status and its answer to Ctrl-C (SIGINT) are the real ones.
@Suite struct TrainInterruptTests {
  /// A folder of two classes of tiny images, enough for a few batches per epoch.
  let images: ImageFolder

  init() throws {
    images = try ImageFolder()
    for index in 0..<48 {
      try images.addImage("dark/\(index).ppm", value: UInt8(index), width: 8, height: 8)
      try images.addImage("light/\(index).ppm", value: UInt8(200 + index), width: 8, height: 8)
    }
  }

  @Test(arguments: [true, false])
  func ctrlCDuringTrainingExits130AfterSavingWhatWasLearned(saving: Bool) throws {
    let saved = images.path("interrupted.cnnmodel")
    let arguments =
      ["train", images.path, "--epochs", "100000", "--batch-size", "8"] + (saving ? ["--save", saved] : [])
    let run = try LessonProcess.run(arguments, interruptingAfter: "Epoch 1/")
    #expect(run.status == 130, "\(run.output)")
    #expect(run.output.contains("Training interrupted (Ctrl-C)"), "\(run.output)")
    #expect(FileManager.default.fileExists(atPath: saved) == saving, "\(run.output)")
    if saving { #expect(try Model.load(from: saved).inputShape == [8, 8, 3]) }
  }
}

/// Runs the `lesson` executable that `swift build` put beside the test bundle.
enum LessonProcess {
  /// The executable's path: in the build folder that holds the running test bundle.
  static var executable: URL {
    #if os(macOS)
      let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL
      return (bundle ?? Bundle.main.bundleURL).deletingLastPathComponent().appendingPathComponent("lesson")
    #else
      return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lesson")
    #endif
  }

  /// Runs `lesson arguments`, sends it SIGINT once its output contains `marker`, and returns its
  /// exit status and everything it printed. A run that outlives two minutes is killed, so a test
  /// cannot hang.
  static func run(_ arguments: [String], interruptingAfter marker: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    // SIGKILL, because the child inherits this thread's blocked signals, SIGTERM among them.
    let watchdog = DispatchWorkItem { kill(process.processIdentifier, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
    defer { watchdog.cancel() }
    var output = Data()
    var interrupted = false
    while case let chunk = pipe.fileHandleForReading.availableData, !chunk.isEmpty {
      output += chunk
      if !interrupted && String(decoding: output, as: UTF8.self).contains(marker) {
        process.interrupt()
        interrupted = true
      }
    }
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }
}
