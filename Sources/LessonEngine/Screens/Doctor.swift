import CNN
import Foundation
import TerminalUI

/// `lesson doctor`: checks what the lesson needs on this machine (Swift, the terminal, the
/// datasets, the library learners' code links against) and predicts, from a two-second benchmark,
/// how long each episode's training will take here.
public struct Doctor {
  let lesson: Lesson
  let output: TrainingOutput

  /// Creates the doctor for `lesson`, reporting to `output`.
  public init(lesson: Lesson, output: TrainingOutput = .current) {
    self.lesson = lesson
    self.output = output
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
        screen.line("  Exercise libraries: built on the first `lesson check` (a minute or two, once).")
      }
    } else {
      screen.bad("Compiler for exercises: no `swiftc` on PATH; put the toolchain's usr/bin on your PATH.")
      healthy = false
    }
    let capabilities = output.capabilities
    let colours = ["no colour", "256 colours", "24-bit colour"][capabilities.colors.rawValue]
    screen.good(
      "Terminal: \(capabilities.isTerminal ? "interactive" : "not a terminal (a pipe or a file)"), \(colours), "
        + "\(capabilities.width) columns, \(capabilities.usesUnicode ? "Unicode" : "ASCII only").")
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
    let rate = Doctor.trainingRate(seconds: 2)
    screen.good(String(format: "Speed: this machine trains the lesson's model at about %.0f images a second.", rate))
    for entry in lesson.entries {
      guard let training = entry.episode.training else { continue }
      let work = Double(training.images * training.epochs) * Doctor.relativeCost(of: training.model)
      screen.line(
        String(
          format: "  episode %d: %@ model, %d images × %d epochs: about %@", entry.episode.number, training.model,
          training.images, training.epochs, Doctor.duration(work / rate)))
    }
    return healthy
  }

  /// Images per second the lesson's model trains at here, measured for about `seconds`.
  static func trainingRate(seconds: Double) -> Double {
    let silent = TrainingOutput(isTerminal: false) { _ in }
    return TrainingOutput.$current.withValue(silent) {
      setRandomSeed(7)
      guard let model = try? ReferenceModel.lesson.makeModel() else { return 1 }
      model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy)
      let images = Tensor(randomUniform: [256, 32, 32, 3])
      let labels = Tensor(labels: (0..<256).map { $0 % 5 })
      let start = Date()
      var trained = 0
      while Date().timeIntervalSince(start) < seconds {
        _ = try? model.fit(images, labels, batchSize: 32, epochs: 1, verbose: 0)
        trained += 256
      }
      return Double(trained) / Date().timeIntervalSince(start)
    }
  }

  /// How much more work a reference model is per image than the lesson's, from the FLOPs of a
  /// trained image (peer-speed.md: 2.4, 9.2 and 150 MFLOP).
  static func relativeCost(of model: String) -> Double {
    switch model {
    case "small": return 9.2 / 2.4
    case "bigger": return 150 / 2.4
    default: return 1
    }
  }

  /// `42 s`, `3 min 5 s`.
  static func duration(_ seconds: Double) -> String {
    seconds < 60
      ? String(format: "%.0f s", seconds) : String(format: "%d min %d s", Int(seconds) / 60, Int(seconds) % 60)
  }
}
