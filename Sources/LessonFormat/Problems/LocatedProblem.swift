/// A problem found in a lesson file and the line it is on.
///
/// The parsing stages throw this; `EpisodeParser` adds the file's path and turns it into the public
/// `LessonFormatError`, whose message is the problem's `description`.
struct LocatedProblem: Error, Equatable {
  /// The 1-based line of the problem, or of the opening line of the thing left unclosed.
  let line: Int
  /// What is wrong.
  let problem: FormatProblem

  /// Creates a problem at a line.
  init(line: Int, _ problem: FormatProblem) {
    self.line = line
    self.problem = problem
  }
}

/// Everything that can be wrong in a lesson file, grouped by the stage of the parser that finds it.
///
/// Each case carries only data; the wording of every message lives in the `description` of the
/// grouped enums, one file per stage.
enum FormatProblem: Error, Equatable, CustomStringConvertible {
  /// The file's name does not follow `NN-slug.md`; carries the name found.
  case fileName(String)
  /// Something in the front matter, the `---` block at the top.
  case frontMatter(FrontMatterProblem)
  /// A code fence or div fence that is unclosed, stray or unknown.
  case fence(FenceProblem)
  /// The `key=value` words after a `swift` fence or a div name.
  case infoString(InfoStringProblem)
  /// A rule between nodes: a check after its fill-in, ids, where a div may go.
  case structure(StructureProblem)

  /// The message a lesson author reads after `path:line:`.
  var description: String {
    switch self {
    case .fileName(let name):
      return """
        the file name '\(name)' does not have the form NN-slug.md (NN, the episode's number, from 01 to \
        99; then a hyphen; then lowercase letters, digits and hyphens); rename it, for example to \
        '03-build-a-cnn.md'
        """
    case .frontMatter(let problem): return problem.description
    case .fence(let problem): return problem.description
    case .infoString(let problem): return problem.description
    case .structure(let problem): return problem.description
    }
  }
}
