import LessonScript

/// One episode of the lesson, parsed from `Lessons/NN-name.md` (the format is described in
/// `Lessons/FORMAT.md`): what its file name and front matter say, and its content in order.
@dynamicMemberLookup
public struct Episode: Equatable, Sendable {
  /// The number, slug and path from the file name, the title, minutes and training from the front
  /// matter: `episode.title` and the others read it.
  public let header: EpisodeHeader
  /// The content after the front matter, in order.
  public let nodes: [Node]

  /// Creates an episode from its parts.
  public init(header: EpisodeHeader, nodes: [Node]) {
    self.header = header
    self.nodes = nodes
  }

  /// A fact from the header, read as the episode's own: `episode.title`.
  public subscript<Value>(dynamicMember fact: KeyPath<EpisodeHeader, Value>) -> Value {
    header[keyPath: fact]
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
  public let kind: SectionKind
  /// The `key=value` attributes after the name, such as `id` for an `exercise`.
  public let attributes: [String: String]
  /// The 1-based line of the opening fence.
  public let line: Int
  /// The content, in order.
  public let children: [Node]

  /// Creates a div.
  public init(kind: SectionKind, attributes: [String: String], line: Int, children: [Node]) {
    self.kind = kind
    self.attributes = attributes
    self.line = line
    self.children = children
  }
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
