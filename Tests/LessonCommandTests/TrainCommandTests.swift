import CNN
import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import lesson

@Suite(.isolatedSession) struct TrainCommandTests {
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
    try TerminalOutput.$current.withValue(captured.output(isTerminal: false)) {
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

  @Test func theModelIsSizedFromTheMostCommonImageSizeNotTheFirstFile() throws {
    let images = try ImageFolder()
    try images.addImage("dark/0-big.ppm", value: 0, width: 64, height: 48)  // sorts first
    for index in 0..<10 {
      try images.addImage("dark/\(index).ppm", value: UInt8(index), width: 8, height: 8)
      try images.addImage("light/\(index).ppm", value: UInt8(200 + index), width: 8, height: 8)
    }
    let saved = images.path("model.cnnmodel")
    let captured = CapturedOutput()
    try TerminalOutput.$current.withValue(captured.output(isTerminal: false)) {
      try Train(options: TrainOptions(folder: images.path, epochs: 1, savePath: saved)).run()
    }
    #expect(captured.text.contains("Most images are 8×8; 1 of 21 images of other sizes will be resized to it."))
    #expect(try Model.load(from: saved).inputShape == [8, 8, 3])
  }

  @Test func trainAndValWithDifferentClassFoldersAreRefusedNamingBoth() throws {
    let images = try ImageFolder()
    for name in ["train/cat", "train/dog", "val/cat", "val/dgo"] {
      try images.addImage("\(name)/1.ppm", value: 9)
    }
    let error = #expect(throws: TrainingDataError.self) { try Train(options: TrainOptions(folder: images.path)).run() }
    #expect(error == .classFoldersDiffer(folder: images.path, training: ["cat", "dog"], validation: ["cat", "dgo"]))
    let message = error?.description ?? ""
    #expect(message.contains("train/ has cat, dog; val/ has cat, dgo"), "\(message)")
    #expect(message.contains("only train/ has dog; only val/ has dgo"), "\(message)")
  }

  @Test func aFolderWithOneClassIsRefused() throws {
    let images = try ImageFolder()
    try images.addImage("cat/1.ppm", value: 9)
    try images.addImage("cat/2.ppm", value: 90)
    let error = #expect(throws: TrainingDataError.self) { try Train(options: TrainOptions(folder: images.path)).run() }
    #expect(error == .oneClass(folder: images.path, name: "cat"))
    #expect(error?.description.contains("1.0 would mean nothing") == true)
  }

  @Test func aFolderThatDoesNotExistIsNamed() throws {
    let missing = try ImageFolder().path("no-such-folder")
    let error = #expect(throws: TrainingDataError.self) { try Train(options: TrainOptions(folder: missing)).run() }
    #expect(error == .folderNotFound(missing))
    #expect(error?.description.contains("There is no folder \(missing).") == true)
  }

  @Test func theMemoryTrainingNeedsIsSaidBeforeTheImagesAreLoadedWithinFortyColumns() throws {
    let images = try ImageFolder()
    for index in 0..<10 {
      try images.addImage("dark/\(index).ppm", value: UInt8(index), width: 12, height: 10)
      try images.addImage("light/\(index).ppm", value: UInt8(200 + index), width: 12, height: 10)
    }
    let captured = CapturedOutput()
    try TerminalOutput.$current.withValue(captured.output(isTerminal: false, columns: 40)) {
      try Train(options: TrainOptions(folder: images.path, epochs: 1, batchSize: 8)).run()
    }
    let lines = captured.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.allSatisfy { $0.count <= 40 }, "\(captured.text)")
    let text = captured.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let memory = try ReferenceModel.lesson.trainingMemory(
      inputShape: [10, 12, 3], classCount: 2, rescaling: true, batchSize: 8, imageCount: 20)
    // term 1: 20 images of 10 · 12 · 3 bytes = 7,200 bytes.
    #expect(memory.imageBytes == 7_200)
    #expect(text.contains(memory.statement), "\(text)")
    #expect(text.contains("Training needs about \(Model.readableSize(memory.totalBytes)): 7.03 KB of images,"))
    let said = try #require(text.range(of: "Training needs about"))
    let loaded = try #require(text.range(of: "Found 20 files"))
    #expect(said.lowerBound < loaded.lowerBound)
  }

  @Test func theStatedMemoryIsWithinThirtyPercentOfThePeakMeasured() throws {
    // A run whose memory is mostly what the estimate counts: 240 images of 150×150, a batch of
    // 32 through `small`. A child process, so that its peak is its own.
    let images = try ImageFolder()
    for index in 0..<240 {
      try images.addImage("\(["a", "b", "c"][index % 3])/\(index).ppm", value: UInt8(index), width: 150, height: 150)
    }
    let run = try LessonProcess.run([
      "bench", "photos", images.path, "--epochs", "1", "--image-size", "150", "150", "--json",
    ])
    #expect(run.status == 0, "\(run.output)")
    let report = try JSONDecoder().decode(PhotosBenchReport.self, from: Data(run.output.utf8))
    let ratio = report.estimatedMebibytes / report.peakResidentMebibytes
    #expect(
      ratio > 0.7 && ratio < 1.3, "estimated \(report.estimatedMebibytes) MiB, measured \(report.peakResidentMebibytes)"
    )
  }

  @Test func aModelTooLargeForTheMemoryBudgetIsRefusedWithTheArithmetic() throws {
    let images = try ImageFolder()
    try images.addImage("dark/1.ppm", value: 9, width: 256, height: 192)
    try images.addImage("light/1.ppm", value: 200, width: 256, height: 192)
    let budget = 32 << 20  // the program itself takes 24 MiB of it
    let train = Train(options: TrainOptions(folder: images.path, batchSize: 32), memoryBudget: budget)
    let error = #expect(throws: TrainingDataError.self) { try train.run() }
    guard case .modelTooLarge(let size, let memory, budget, let suggestion) = error else {
      Issue.record("expected modelTooLarge, got \(String(describing: error))")
      return
    }
    #expect(size == [192, 256])
    let model = try ReferenceModel.lesson.makeModel(inputShape: [192, 256, 3], classCount: 2, rescaling: true)
    #expect(memory.parameterCount == model.parameterCount)
    #expect(memory.batchSize == 2, "a batch is never larger than the images there are")
    #expect(memory.totalBytes > budget)
    let message = error?.description ?? ""
    let parameters = model.parameterCount.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
    #expect(message.contains("\(parameters) parameters × 4 bytes × 4 copies"), "\(message)")
    #expect(message.contains("plus 2 images kept as 147,456 bytes each = 288.00 KB"), "\(message)")
    let fitting = try #require(suggestion, "\(message)")
    #expect(message.contains("--image-size \(fitting[0]) \(fitting[1])"))
    let smaller = try ReferenceModel.lesson.trainingMemory(
      inputShape: fitting + [3], classCount: 2, rescaling: true, batchSize: memory.batchSize)
    #expect(smaller.totalBytes <= budget)
  }
}

/// `lesson train` as a learner runs it: the built executable in a child process, so that its exit
/// status and its answer to Ctrl-C (SIGINT) are the real ones.
@Suite(.isolatedSession) struct TrainInterruptTests {
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

  /// Runs `lesson arguments`, sends it SIGINT once its output contains `marker` (if given), and
  /// returns its exit status and everything it printed. A run that outlives two minutes is killed,
  /// so a test cannot hang.
  static func run(_ arguments: [String], interruptingAfter marker: String? = nil) throws -> (
    status: Int32, output: String
  ) {
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
      if let marker, !interrupted && String(decoding: output, as: UTF8.self).contains(marker) {
        process.interrupt()
        interrupted = true
      }
    }
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }
}
