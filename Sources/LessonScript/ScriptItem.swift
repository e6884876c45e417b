/// One part of an episode's script. Every item knows its line in the Markdown file.
public indirect enum ScriptItem: Equatable, Sendable {
  /// Markdown prose (paragraphs, headings, lists, tables) starting at `line`.
  case prose(line: Int, markdown: String)
  /// Code that is shown and never run (another language, or `swift no-run`), starting at `line`.
  case shownCode(line: Int, language: String, code: String)
  /// A step: code that runs, a fill-in or a question.
  case step(ScriptStep)
  /// A `swift verify` block at `line`: checks that the prose says what the run did. Never shown.
  case verification(line: Int, code: String)
  /// A fenced div and what it holds.
  case section(ScriptSection)

  /// The line in the Markdown file where the item starts: the first line of prose or code, or a
  /// section's opening fence.
  public var line: Int {
    switch self {
    case .prose(let line, _), .shownCode(let line, _, _), .verification(let line, _): return line
    case .step(let step): return step.line
    case .section(let section): return section.line
    }
  }
}

/// A fenced div (`::: challenge` … `:::`) as the script keeps it: its kind, how the walk frames it,
/// who may read it, and what it holds.
public struct ScriptSection: Equatable, Sendable {
  /// The line of the opening fence.
  public let line: Int
  /// What kind of div it is.
  public let kind: SectionKind
  /// The title the walk frames it with (`Challenge`, `Key points`), or nil when the walk shows its
  /// content without a frame (a challenge that only wraps a write-code exercise).
  public let title: String?
  /// Who reads it.
  public let audience: Audience
  /// For an `exercise` div: the write-code exercise it sets.
  public let exercise: CodeExerciseTask?
  /// What it holds, in order.
  public let items: [ScriptItem]

  /// Who reads a section.
  public enum Audience: Equatable, Sendable {
    /// Everyone: the walk shows it.
    case everyone
    /// A learner who asks (hints, solutions), and instructors.
    case onRequest
    /// Instructors only (`lesson instructor`).
    case instructors
  }

  /// Creates a section.
  public init(
    line: Int, kind: SectionKind, title: String?, audience: Audience, exercise: CodeExerciseTask? = nil,
    items: [ScriptItem]
  ) {
    self.line = line
    self.kind = kind
    self.title = title
    self.audience = audience
    self.exercise = exercise
    self.items = items
  }
}

/// The kinds of fenced div an episode may hold.
public enum SectionKind: String, Equatable, Sendable, CaseIterable {
  case questions, objectives, keypoints, challenge, solution, hint, callout, instructor, discussion, exercise, wrong
}

/// A write-code exercise: the learner edits a file of their own and checks it with `lesson check`.
public struct CodeExerciseTask: Equatable, Sendable {
  /// The exercise's id, unique in the lesson; its files are in `Lessons/exercises/ID/`.
  public let id: String
  /// What to do, in Markdown.
  public let task: String
  /// Its hints, in order, in Markdown.
  public let hints: [String]
  /// The why of the solution, in Markdown (the challenge's `solution` div), shown once the learner
  /// passes or asks for the solution.
  public let explanation: String?

  /// Creates an exercise.
  public init(id: String, task: String, hints: [String], explanation: String? = nil) {
    self.id = id
    self.task = task
    self.hints = hints
    self.explanation = explanation
  }
}
