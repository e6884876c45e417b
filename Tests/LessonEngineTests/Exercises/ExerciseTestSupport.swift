import Foundation
import LessonEngine

/// What the runner tests share: the build folder with the exercise libraries, and small exercises
/// written to a temporary folder.
///
/// The libraries are found in the build folder of the test binary itself (`.build/debug` under
/// `swift test`, or the folder given to `--scratch-path`): `swift test` builds every product of
/// the package, the exercise libraries (`ExerciseBuildFolder.libraries`) included. If they are missing
/// (a build of selected targets only), they are built once with `swift build --product …` into
/// `.build/exercise-libraries` (see `ExerciseBuildFolder.buildLibraries`), which takes a minute or
/// two the first time.
enum ExerciseTestSupport {
  /// The package's root folder: this file is `Tests/LessonEngineTests/Exercises/…`.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The build folder with the libraries ready, or the reason there is none; found once.
  static let buildFolder: Result<ExerciseBuildFolder, ExerciseRunnerError> = {
    let folder =
      ExerciseBuildFolder.ofRunningProgram()
      ?? ExerciseBuildFolder(packageRoot.appendingPathComponent(".build/debug"))
    if folder.missingFiles.isEmpty { return .success(folder) }
    do throws(ExerciseRunnerError) {
      return .success(try ExerciseBuildFolder.buildLibraries(packageRoot: packageRoot))
    } catch {
      return .failure(error)
    }
  }()

  /// A runner on the shared build folder, with the given run time limit.
  static func runner(runTimeLimit: Duration = .seconds(60)) throws -> ExerciseRunner {
    ExerciseRunner(buildFolder: try buildFolder.get(), runTimeLimit: runTimeLimit)
  }

  /// Writes exercise `id` (its `check.swift` and the learner's file) into a new temporary project
  /// folder laid out as `ExerciseFiles(exercise:projectRoot:)` expects, runs `body` with its
  /// files, and removes the folder.
  static func withExercise<Result>(
    _ id: String, check: String, learner: String, _ body: (ExerciseFiles) throws -> Result
  ) throws -> Result {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("exercise-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let files = ExerciseFiles(exercise: id, projectRoot: root)
    for (url, text) in [(files.checkFile, check), (files.learnerFile, learner)] {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return try body(files)
  }
}
