import LessonScript

/// What can be wrong between nodes: steps that belong together, ids, and where a div may go.
enum StructureProblem: Equatable, CustomStringConvertible {
  /// A `swift check` block that does not come right after a fill-in; carries the node before it
  /// (`nil` when it is first in its div) and the kind of that div (`nil` at the top level).
  case checkWithoutFillIn(previous: Node?, parent: SectionKind?)
  /// A fill-in block with no `swift check` block right after it.
  case fillInWithoutCheck(id: String)
  /// A choice question with no list of choices just before it.
  case choicesMissing(id: String)
  /// A choice question whose list has a single choice.
  case tooFewChoices(id: String)
  /// A choice question whose list uses a letter twice.
  case duplicateChoice(id: String, letter: String)
  /// An id used a second time in the episode; carries the line of its first use.
  case duplicateID(String, firstLine: Int)
  /// A `hint`, `solution` or `wrong` div that is not directly inside a `challenge`; `parent` is
  /// `nil` at the top level.
  case outsideChallenge(SectionKind, parent: SectionKind?)
  /// A `questions` or `objectives` div after a code block.
  case introductionAfterCode(SectionKind, firstCodeLine: Int)
  /// A `keypoints` div before a code block.
  case keypointsBeforeCode(lastCodeLine: Int)
  /// A Swift block that would run sits in a div the walk does not show.
  case stepInHiddenDiv(SectionKind)
  /// A line of Swift a learner sees is too long for an 80-column terminal.
  case codeLineTooLong(length: Int)
  /// A `wrong` div in a challenge with no question or fill-in to be wrong about.
  case wrongWithoutQuestion
  /// A `wrong` div whose `blank=` does not fit the challenge: missing for a fill-in, given for a
  /// question, or past the last blank (`blanks` is the fill-in's count, 0 for a question).
  case wrongBlank(given: Int?, blanks: Int)
  /// A `wrong` div whose `answer=` cannot be an answer to the question: not a number (or a
  /// comparison) for a number question, not a choice for a choice question.
  case wrongAnswerKind(String, expected: String)

  /// The message a lesson author reads.
  var description: String {
    switch self {
    case .checkWithoutFillIn(let previous, let parent):
      return """
        this 'swift check' block does not come right after a 'swift fill-in' block: \
        \(Self.describe(previous, parent: parent)); a check \
        block belongs to the fill-in just before it, in the same div, with only blank lines between
        """
    case .fillInWithoutCheck(let id):
      return """
        the fill-in '\(id)' has no check block; add a '```swift check' block right after it (only blank \
        lines between) that checks what the learner's values produce, such as 'try check("output \
        shape", output, equals: [30, 30, 16])'
        """
    case .choicesMissing(let id):
      return """
        the choice question '\(id)' needs its choices as a Markdown list right before the block, in the \
        same div, one per line: '- a) max pooling', '- b) average pooling'
        """
    case .tooFewChoices(let id):
      return "the choice question '\(id)' has a single choice in the list before it; give at least two"
    case .duplicateChoice(let id, let letter):
      return "the choice question '\(id)' has two choices lettered '\(letter)'; give each choice its own letter"
    case .duplicateID(let id, let firstLine):
      return """
        the id '\(id)' is already used on line \(firstLine); exercise and question ids must be unique, \
        so rename one of them
        """
    case .outsideChallenge(let kind, let parent):
      let place = parent.map { "inside \(Wording.withArticle($0.rawValue, "div"))" } ?? "at the top level"
      return """
        this '\(kind.rawValue)' div is \(place), but a hint, solution or wrong answer belongs to the \
        challenge it helps with; move it directly inside that '::: challenge'
        """
    case .introductionAfterCode(let kind, let firstCodeLine):
      return """
        learners read the '\(kind.rawValue)' before anything else, so this div goes before the first \
        code block (line \(firstCodeLine)); move it up, near the top of the episode
        """
    case .keypointsBeforeCode(let lastCodeLine):
      return """
        learners read the 'keypoints' as the episode's summary, so this div goes after the last code \
        block (line \(lastCodeLine)); move it down, to the end of the episode
        """
    case .codeLineTooLong(let length):
      return "this line of Swift is \(length) characters long; learners see code indented by 2 in terminals "
        + "as narrow as 80 columns, so keep it to \(EpisodeChecks.longestCodeLine): break it after a comma"
    case .wrongWithoutQuestion:
      return "a 'wrong' div says what a wrong answer means, but this challenge asks nothing; "
        + "put it in the challenge of the question or fill-in it is about"
    case .wrongBlank(nil, let blanks):
      return "this fill-in has \(Wording.count(blanks, "blank")); say which one this answer is for, such as blank=1"
    case .wrongBlank(_, 0):
      return "'blank=' is for the blanks of a fill-in, and this challenge asks a question; remove it"
    case .wrongBlank(let given?, let blanks):
      return "there is no blank \(given): the fill-in has \(Wording.count(blanks, "blank")); use blank=1 to \(blanks)"
    case .wrongAnswerKind(let answer, let expected):
      return "the wrong answer '\(answer)' must be \(expected)"
    case .stepInHiddenDiv(let kind):
      return "a Swift block that runs cannot be in a \(kind.rawValue), which the walk does not show: "
        + "write it as `swift no-run`, or move it out of the \(kind.rawValue)"
    }
  }

  /// Returns what a misplaced check block follows, in words: `it follows prose on line 12`.
  private static func describe(_ previous: Node?, parent: SectionKind?) -> String {
    switch previous {
    case nil:
      return parent.map { "it is the first thing in its '\($0.rawValue)' div" }
        ?? "it is the first thing in the episode"
    case .prose(_, let line):
      return "it follows prose on line \(line)"
    case .div(let div):
      return "it follows \(Wording.withArticle(div.kind.rawValue, "div")) on line \(div.line)"
    case .code(let block):
      let name: String
      switch block.role {
      case .run: name = "swift"
      case .display: name = block.language == "swift" ? "swift no-run" : block.language
      case .fillIn: name = "swift fill-in"
      case .check: name = "swift check"
      case .question: name = "swift question"
      case .verification: name = "swift verify"
      }
      let fenceLine = block.line - 1
      return name.isEmpty
        ? "it follows a code block on line \(fenceLine)"
        : "it follows \(Wording.withArticle(name, "block")) on line \(fenceLine)"
    }
  }
}
