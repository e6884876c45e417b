import Foundation
import LessonScript
import TerminalUI

/// A whole lesson: its episodes (each a script and the code that runs it, generated from the
/// Markdown when the lesson was built), where its exercise files are, and the learner's workspace.
public struct Lesson {
  /// One episode: the code the plugin generated, and its script.
  public struct Entry {
    /// The code the plugin generated.
    public let code: any GeneratedEpisode.Type

    /// The episode's script.
    public var script: EpisodeScript { code.script }
  }

  /// The episodes, in order.
  public let entries: [Entry]
  /// The project folder (where `Package.swift` is).
  public let root: String
  /// The learner's workspace: progress, exercise files, saved models (`.lesson/` in the project).
  public let workspace: String

  /// Loads the lesson from the generated episodes.
  ///
  /// - Throws: `LessonError.duplicateID` for an id used in two episodes.
  public init(_ generated: [any GeneratedEpisode.Type], root: String, workspace: String? = nil) throws {
    self.entries = generated.map(Entry.init).sorted { $0.script.number < $1.script.number }
    self.root = root
    self.workspace = workspace ?? (root as NSString).appendingPathComponent(".lesson")
    var seen: [String: Int] = [:]
    for script in self.entries.map(\.script) {
      for id in script.exerciseIDs {
        if let other = seen[id] { throw LessonError.duplicateID(id, episodes: [other, script.number]) }
        seen[id] = script.number
      }
    }
  }

  /// The episode numbered `number`.
  public func entry(_ number: Int) -> Entry? {
    entries.first { $0.script.number == number }
  }

  /// Opens the progress file in the workspace. A damaged file is moved aside, and `output` says so.
  ///
  /// - Throws: `ProgressFileError` when the file cannot be read, or is damaged and cannot be moved.
  public func progress(reportingTo output: TerminalOutput = .current) throws(ProgressFileError) -> ProgressStore {
    let store = try ProgressStore(path: (workspace as NSString).appendingPathComponent("progress.txt"))
    if let setAside = store.setAside { Screen(output: output).bad(setAside.description) }
    return store
  }

  /// The class the learner joined (`lesson class join`), told of their progress; nil when they
  /// have not joined one.
  public var classLink: ClassLink? { ClassLink.forWorkspace(workspace) }

  /// Every write-code exercise, in lesson order, with where its files are.
  public var codeExercises: [CodeExercise] {
    entries.map(\.script).flatMap { script in
      script.codeExercises.map { exercise in
        CodeExercise(
          id: exercise.id, episode: script.number, task: exercise.task, hints: exercise.hints,
          folder: ((root as NSString).appendingPathComponent((script.path as NSString).deletingLastPathComponent)
            as NSString).appendingPathComponent("exercises/\(exercise.id)"),
          workspaceFile: ((workspace as NSString).appendingPathComponent("exercises") as NSString)
            .appendingPathComponent("\(exercise.id).swift"))
      }
    }
  }

  /// The write-code exercise called `id`.
  public func codeExercise(_ id: String) -> CodeExercise? {
    codeExercises.first { $0.id == id }
  }
}

/// A write-code exercise: its task and hints from the episode, its files in the lesson, and the
/// learner's copy in the workspace.
public struct CodeExercise: Equatable, Sendable {
  /// The exercise's id.
  public let id: String
  /// The episode it belongs to.
  public let episode: Int
  /// What to do, in Markdown.
  public let task: String
  /// Its hints, in order, in Markdown.
  public let hints: [String]
  /// `Lessons/exercises/ID/`: `starter.swift`, `solution.swift`, `check.swift`.
  public let folder: String
  /// The learner's copy: `.lesson/exercises/ID.swift`.
  public let workspaceFile: String

  /// The shipped starter file.
  public var starter: String { (folder as NSString).appendingPathComponent("starter.swift") }
  /// The shipped solution file.
  public var solution: String { (folder as NSString).appendingPathComponent("solution.swift") }
  /// The checks, run as the program's `main.swift`.
  public var check: String { (folder as NSString).appendingPathComponent("check.swift") }
}
