import Foundation

/// The two files `lesson check` compiles into one program: the learner's answer and the
/// exercise's checks, each with the path the learner knows it by.
///
///     let files = ExerciseFiles(exercise: "build-model", projectRoot: root)
///     files.learnerDisplayPath   // ".lesson/exercises/build-model.swift"
///     files.checkDisplayPath     // "Lessons/exercises/build-model/check.swift"
public struct ExerciseFiles: Equatable, Sendable {
  /// The learner's file on disk.
  public var learnerFile: URL
  /// The learner's file as messages name it.
  public var learnerDisplayPath: String
  /// The exercise's `check.swift` on disk: top-level code that calls the learner's code and
  /// checks it with `check(…)` (no imports or `finishChecks()` needed; see `ExerciseProgram`).
  public var checkFile: URL
  /// The check file as messages name it.
  public var checkDisplayPath: String

  /// Creates the pair from files on disk and the paths messages show for them.
  public init(learnerFile: URL, learnerDisplayPath: String, checkFile: URL, checkDisplayPath: String) {
    self.learnerFile = learnerFile
    self.learnerDisplayPath = learnerDisplayPath
    self.checkFile = checkFile
    self.checkDisplayPath = checkDisplayPath
  }

  /// The files of exercise `id` in the project at `projectRoot`, as `Lessons/FORMAT.md` lays them
  /// out: the learner's `.lesson/exercises/ID.swift` and `Lessons/exercises/ID/check.swift`,
  /// shown relative to the project.
  public init(exercise id: String, projectRoot: URL) {
    let learner = ".lesson/exercises/\(id).swift"
    let check = "Lessons/exercises/\(id)/check.swift"
    self.init(
      learnerFile: projectRoot.appendingPathComponent(learner), learnerDisplayPath: learner,
      checkFile: projectRoot.appendingPathComponent(check), checkDisplayPath: check)
  }
}
