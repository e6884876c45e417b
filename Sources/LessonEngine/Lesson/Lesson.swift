import Foundation
import LessonFormat
import TerminalUI

/// A whole lesson: its episodes (compiled from Markdown and parsed again from the same text), where
/// its exercise files are, and the learner's workspace.
public struct Lesson {
  /// One episode: the generated code and the parsed text.
  public struct Entry {
    /// The code the plugin generated.
    public let code: any GeneratedEpisode.Type
    /// The parsed episode.
    public let episode: Episode
  }

  /// The episodes, in order.
  public let entries: [Entry]
  /// The project folder (where `Package.swift` is).
  public let root: String
  /// The learner's workspace: progress, exercise files, saved models (`.lesson/` in the project).
  public let workspace: String

  /// Loads the lesson from the generated episodes.
  ///
  /// - Throws: `LessonFormatError` when an episode's text does not parse (it compiled, so this means
  ///   the build is out of date), or `LessonError.duplicateID` for an id used in two episodes.
  public init(_ generated: [any GeneratedEpisode.Type], root: String, workspace: String? = nil) throws {
    var entries: [Entry] = []
    for code in generated {
      entries.append(Entry(code: code, episode: try EpisodeParser.parse(code.source, path: code.path)))
    }
    self.entries = entries.sorted { $0.episode.number < $1.episode.number }
    self.root = root
    self.workspace = workspace ?? (root as NSString).appendingPathComponent(".lesson")
    var seen: [String: Int] = [:]
    for entry in self.entries {
      for id in entry.exerciseIDs {
        if let other = seen[id] { throw LessonError.duplicateID(id, episodes: [other, entry.episode.number]) }
        seen[id] = entry.episode.number
      }
    }
  }

  /// The episode numbered `number`.
  public func entry(_ number: Int) -> Entry? {
    entries.first { $0.episode.number == number }
  }

  /// Opens the progress file in the workspace. A damaged file is moved aside, and `output` says so.
  ///
  /// - Throws: `ProgressFileError` when the file cannot be read, or is damaged and cannot be moved.
  public func progress(reportingTo output: TerminalOutput = .current) throws(ProgressFileError) -> ProgressStore {
    let store = try ProgressStore(path: (workspace as NSString).appendingPathComponent("progress.txt"))
    if let setAside = store.setAside { Screen(output: output).bad(setAside.description) }
    return store
  }

  /// Every write-code exercise, in lesson order, with where its files are.
  public var codeExercises: [CodeExercise] {
    entries.flatMap { entry in
      EpisodeScript(entry.episode).exercises.map { exercise in
        CodeExercise(
          id: exercise.id, episode: entry.episode.number, task: exercise.task, hints: exercise.hints,
          folder: ((root as NSString).appendingPathComponent((entry.code.path as NSString).deletingLastPathComponent)
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

extension Lesson.Entry {
  /// Every exercise and question id of the episode.
  var exerciseIDs: [String] {
    let script = EpisodeScript(episode)
    return script.steps.compactMap { block -> String? in
      switch block.role {
      case .fillIn(let fillIn): return fillIn.id
      case .question(let question): return question.id
      default: return nil
      }
    } + script.exercises.map(\.id)
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
