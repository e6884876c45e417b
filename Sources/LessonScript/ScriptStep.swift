/// A step of an episode: Swift that runs when the learner asks, as plain code, as a fill-in with
/// blanks, or as the expression that computes a question's answer.
public struct ScriptStep: Equatable, Sendable {
  /// The line of the code's first line (the line after the opening fence).
  public let line: Int
  /// The code as the learner sees it (a fill-in's blanks as underscores).
  public let code: String
  /// What kind of step it is.
  public let kind: Kind
  /// The hints of the challenge the step is in, in order, in Markdown.
  public let hints: [String]
  /// The why of the answer, in Markdown (the `solution` div of the challenge the step is in), shown
  /// after a right answer, a shown solution or a skip.
  public let explanation: String?
  /// The wrong answers the challenge expects, each with what it probably means.
  public let wrongAnswers: [WrongAnswer]

  /// What a step asks of the learner.
  public enum Kind: Equatable, Sendable {
    /// Nothing: the code runs.
    case run
    /// Values for the blanks; then `checks` (the `swift check` block after it) run.
    case fillIn(FillIn, checks: CheckCode)
    /// The answer to a question the code computes.
    case question(Question)
  }

  /// Creates a step.
  public init(
    line: Int, code: String, kind: Kind, hints: [String] = [], explanation: String? = nil,
    wrongAnswers: [WrongAnswer] = []
  ) {
    self.line = line
    self.code = code
    self.kind = kind
    self.hints = hints
    self.explanation = explanation
    self.wrongAnswers = wrongAnswers
  }

  /// The id of the exercise or question the step is, if it is one.
  public var exerciseID: String? {
    switch kind {
    case .run: return nil
    case .fillIn(let fillIn, _): return fillIn.id
    case .question(let question): return question.id
    }
  }
}

/// The checks of a fill-in: a `swift check` block, never shown to learners.
public struct CheckCode: Equatable, Sendable {
  /// The line of the code's first line.
  public let line: Int
  /// The code.
  public let code: String

  /// Creates checks.
  public init(line: Int, code: String) {
    self.line = line
    self.code = code
  }
}

/// A fill-in-the-blanks exercise: `swift fill-in id=… blanks=… answers=…`.
public struct FillIn: Equatable, Sendable {
  /// The exercise's id, unique in the lesson.
  public let id: String
  /// The Swift type of each blank, in order (`Int`, `ActivationFunction`…).
  public let types: [String]
  /// The values that solve it, in order, as a learner would type them.
  public let answers: [String]
  /// What each blank is, in words (`number of filters`), in order; empty when the author gave none.
  public let names: [String]

  /// Creates a fill-in description.
  public init(id: String, types: [String], answers: [String], names: [String] = []) {
    self.id = id
    self.types = types
    self.answers = answers
    self.names = names
  }
}

/// A question: `swift question id=… kind=…`.
public struct Question: Equatable, Sendable {
  /// The question's id, unique in the lesson.
  public let id: String
  /// How answers are compared.
  public let kind: Kind
  /// For `choice` questions, the choices from the list before the block, in order.
  public let choices: [Choice]
  /// Whether a number answer may be typed as a percentage (`94.6` or `94.6 %` for 0.946).
  public let acceptsPercent: Bool

  /// How a question's answers are compared.
  public enum Kind: Equatable, Sendable {
    /// Numbers, equal within a tolerance.
    case number(tolerance: Double)
    /// A letter or the text of one of the choices.
    case choice
    /// Text, ignoring case and surrounding spaces.
    case text
  }

  /// One choice of a `choice` question: `- b) 16` is letter `b`, text `16`.
  public struct Choice: Equatable, Sendable {
    /// The letter, as written before `)`.
    public let letter: String
    /// The text after the letter.
    public let text: String

    /// Creates a choice.
    public init(letter: String, text: String) {
      self.letter = letter
      self.text = text
    }
  }

  /// Creates a question description.
  public init(id: String, kind: Kind, choices: [Choice] = [], acceptsPercent: Bool = false) {
    self.id = id
    self.kind = kind
    self.choices = choices
    self.acceptsPercent = acceptsPercent
  }
}
