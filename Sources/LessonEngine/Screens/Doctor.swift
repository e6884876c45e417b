import CNN
import Foundation
import TerminalUI

/// `lesson doctor`: checks what the lesson needs on this machine (Swift, the terminal, the
/// datasets, the library learners' code links against) and predicts, from a two-second benchmark,
/// how long each episode's training will take here.
public struct Doctor {
  let lesson: Lesson
  let output: TerminalOutput
  /// The environment variables that say which terminal this is, for the advice on colour.
  let environment: [String: String]

  /// Creates the doctor for `lesson`, reporting to `output`, reading the terminal's name from
  /// `environment`.
  public init(
    lesson: Lesson, output: TerminalOutput = .current,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.lesson = lesson
    self.output = output
    self.environment = environment
  }

  /// The oldest Swift the lesson builds with.
  static let requiredSwift = "6.2"

  /// Runs every check and prints what it finds.
  ///
  /// - Returns: whether everything needed is there.
  @discardableResult
  public func run() -> Bool {
    let screen = Screen(output: output)
    var healthy = true
    #if swift(>=6.2)
      screen.good("Swift: built with Swift 6.2 or later (needs \(Doctor.requiredSwift)).")
    #else
      screen.bad("Swift: older than \(Doctor.requiredSwift); install a newer toolchain from swift.org.")
      healthy = false
    #endif
    if let compiler = SwiftCompilerLocation.find() {
      screen.good("Compiler for exercises: \(compiler.path).")
      if let beside = ExerciseBuildFolder.ofRunningProgram(), beside.missingFiles.isEmpty {
        screen.good("Exercise libraries: built in \(beside.url.path).")
      } else {
        screen.line(
          "  Exercise libraries: built on the first `\(LaunchCommand.command("check"))` (a minute or two, once).")
      }
    } else {
      screen.bad("Compiler for exercises: no `swiftc` on PATH; put the toolchain's usr/bin on your PATH.")
      healthy = false
    }
    let capabilities = output.capabilities
    screen.good(
      "Terminal: \(capabilities.isTerminal ? "interactive" : "not a terminal (a pipe or a file)"), "
        + "\(capabilities.colors.name), \(capabilities.width) columns, "
        + "\(capabilities.usesUnicode ? "Unicode" : "ASCII only").")
    reportColour(on: screen, capabilities: capabilities)
    for (name, needed) in [("digits", 5000), ("photos", 6), ("shapes", 1500)] {
      let folder = (lesson.root as NSString).appendingPathComponent("Datasets/\(name)")
      let count = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
        .filter { $0.hasSuffix(".png") || $0.hasSuffix(".jpg") }.count
      if count >= needed {
        screen.good("Datasets/\(name): \(count) images.")
      } else {
        screen.bad("Datasets/\(name): \(count) images, \(needed) expected. Get a fresh copy of the project.")
        healthy = false
      }
    }
    // The same measurement the episodes print before they train: a copy of the model trained
    // for a few steps on blank images.
    let images = 10_000
    if let speed = try? Doctor.estimate(.lesson, images: images, epochs: 1) {
      screen.good(
        String(
          format: "Speed: this machine trains the lesson's model at about %.0f images a second.",
          Double(images) / speed.seconds))
    }
    for entry in lesson.entries {
      guard let training = entry.script.training else { continue }
      let model = ReferenceModel(rawValue: training.model) ?? .lesson
      guard let time = try? Doctor.estimate(model, images: training.images, epochs: training.epochs) else { continue }
      screen.line(
        "  episode \(entry.script.number): \(training.model) model, \(training.images) images × "
          + "\(training.epochs) epochs: \(time)")
    }
    return healthy
  }

  /// How long `model` takes here to train on `images` for `epochs`, measured as the episodes do.
  static func estimate(_ model: ReferenceModel, images: Int, epochs: Int) throws -> TrainingTimeEstimate {
    try model.makeModel().estimatedTrainingTime(images: images, epochs: epochs)
  }
}
