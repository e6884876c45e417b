/// One episode of the lesson, parsed from `Lessons/NN-name.md` (the format is described in
/// `Lessons/FORMAT.md`): its front matter and its content in order.
public struct Episode: Equatable, Sendable {
  /// The episode's number, from the file name (`03-build-a-cnn.md` → 3).
  public let number: Int
  /// The rest of the file name, without the number or extension: `build-a-cnn`.
  public let slug: String
  /// The file's path as it was given to the parser, for messages and `#sourceLocation`.
  public let path: String
  /// The title from the front matter.
  public let title: String
  /// Minutes of teaching, from the front matter.
  public let teachingMinutes: Int
  /// Minutes of exercises, from the front matter.
  public let exerciseMinutes: Int
  /// The biggest training the episode does, if it says.
  public let training: TrainingWorkload?
  /// The content after the front matter, in order.
  public let nodes: [Node]

  /// Creates an episode from its parts.
  public init(
    number: Int, slug: String, path: String, title: String, teachingMinutes: Int, exerciseMinutes: Int,
    training: TrainingWorkload?, nodes: [Node]
  ) {
    self.number = number
    self.slug = slug
    self.path = path
    self.title = title
    self.teachingMinutes = teachingMinutes
    self.exerciseMinutes = exerciseMinutes
    self.training = training
    self.nodes = nodes
  }
}

/// `training: lesson 1000 10` in the front matter: a reference model, how many images and epochs.
public struct TrainingWorkload: Equatable, Sendable {
  /// The reference model's name: `lesson`, `small` or `bigger`.
  public let model: String
  /// The number of training images.
  public let images: Int
  /// The number of epochs.
  public let epochs: Int

  /// Creates a workload.
  public init(model: String, images: Int, epochs: Int) {
    self.model = model
    self.images = images
    self.epochs = epochs
  }
}

/// A piece of an episode's content.
public indirect enum Node: Equatable, Sendable {
  /// Markdown prose (paragraphs, headings, lists, tables), as written, blank lines around it
  /// trimmed; `line` is the 1-based line of its first non-blank line in the file. Fenced code in
  /// any language is a `.code` node, not prose.
  case prose(String, line: Int)
  /// A fenced code block.
  case code(CodeBlock)
  /// A fenced div (`::: challenge` … `:::`) and what it holds.
  case div(Div)
}

/// A fenced div: a `challenge`, `hint`, `callout`…, with the nodes inside it.
public struct Div: Equatable, Sendable {
  /// What kind of div it is.
  public let kind: DivKind
  /// The `key=value` attributes after the name, such as `id` for an `exercise`.
  public let attributes: [String: String]
  /// The 1-based line of the opening fence.
  public let line: Int
  /// The content, in order.
  public let children: [Node]

  /// Creates a div.
  public init(kind: DivKind, attributes: [String: String], line: Int, children: [Node]) {
    self.kind = kind
    self.attributes = attributes
    self.line = line
    self.children = children
  }
}

/// The kinds of fenced div the format knows.
public enum DivKind: String, Equatable, Sendable, CaseIterable {
  case questions, objectives, keypoints, challenge, solution, hint, callout, instructor, discussion, exercise
}

/// A fenced code block and what it is for.
public struct CodeBlock: Equatable, Sendable {
  /// The language from the info string (`swift`, `bash`, `output`, or empty).
  public let language: String
  /// What the block is for.
  public let role: CodeRole
  /// The code, without the fences, lines joined with `\n`, no trailing newline.
  public let code: String
  /// The 1-based line of the code's first line (the line after the opening fence).
  public let line: Int

  /// Creates a code block.
  public init(language: String, role: CodeRole, code: String, line: Int) {
    self.language = language
    self.role = role
    self.code = code
    self.line = line
  }
}

/// What a code block is for.
public enum CodeRole: Equatable, Sendable {
  /// A Swift step that runs.
  case run
  /// Code that is shown and not run (other languages, or `swift no-run`).
  case display
  /// A fill-in-the-blanks exercise.
  case fillIn(FillIn)
  /// The checks of the fill-in block before it; not shown to learners.
  case check
  /// A question whose answer the code computes.
  case question(Question)
  /// Checks that what the prose says is what the code did (`swift verify`); not shown to learners,
  /// run where it stands, and reported by `lesson verify` when a check fails.
  case verification
}

/// A fill-in-the-blanks exercise: `swift fill-in id=… blanks=… answers=…`.
public struct FillIn: Equatable, Sendable {
  /// The exercise's id, unique in the lesson.
  public let id: String
  /// The Swift type of each blank, in order (`Int`, `ActivationFunction`…).
  public let types: [String]
  /// The values that solve it, in order, as a learner would type them.
  public let answers: [String]

  /// Creates a fill-in description.
  public init(id: String, types: [String], answers: [String]) {
    self.id = id
    self.types = types
    self.answers = answers
  }

  /// The marker of a blank in the code: five or more underscores.
  public static let blankPattern = "_____"
}

/// A question: `swift question id=… kind=…`.
public struct Question: Equatable, Sendable {
  /// The question's id, unique in the lesson.
  public let id: String
  /// How answers are compared.
  public let kind: Kind
  /// For `choice` questions, the choices from the list before the block, in order, as written
  /// after their letter (`- b) 16` → `16`), with their letters.
  public let choices: [(letter: String, text: String)]

  /// How a question's answers are compared.
  public enum Kind: Equatable, Sendable {
    /// Numbers, equal within a tolerance.
    case number(tolerance: Double)
    /// A letter or the text of one of the choices.
    case choice
    /// Text, ignoring case and surrounding spaces.
    case text
  }

  /// Creates a question description.
  public init(id: String, kind: Kind, choices: [(letter: String, text: String)] = []) {
    self.id = id
    self.kind = kind
    self.choices = choices
  }

  /// Two questions are equal when their ids, kinds and choices are.
  public static func == (lhs: Question, rhs: Question) -> Bool {
    lhs.id == rhs.id && lhs.kind == rhs.kind && lhs.choices.map(\.letter) == rhs.choices.map(\.letter)
      && lhs.choices.map(\.text) == rhs.choices.map(\.text)
  }
}

/// A problem in a lesson file: where it is and what is wrong.
public struct LessonFormatError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file, as given to the parser.
  public let path: String
  /// The 1-based line of the problem.
  public let line: Int
  /// What is wrong, and what to do.
  public let message: String

  /// Creates an error.
  public init(path: String, line: Int, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// `Lessons/03-build.md:42: message`, as compilers write it, so editors can jump there.
  public var description: String { "\(path):\(line): \(message)" }
}
