import LessonScript

/// Reads the info string of a code fence (the text after the backticks) into a code block.
///
/// | info string                                          | role           |
/// |------------------------------------------------------|----------------|
/// | `swift`                                              | `.run`         |
/// | `swift no-run`                                       | `.display`     |
/// | `swift fill-in id=ID blanks=T1,T2 answers=A1,A2`     | `.fillIn`      |
/// | `swift check`                                        | `.check`       |
/// | `swift verify`                                       | `.verification`|
/// | `swift question id=ID kind=number [tolerance=0.01]`  | `.question`    |
/// | `swift question id=ID kind=choice` or `kind=text`    | `.question`    |
/// | anything else, or nothing                            | `.display`     |
///
/// The role word may come anywhere after `swift`, and keys in any order. Only Swift info strings
/// are checked: other languages are shown as they are.
enum InfoString {
  /// The words that may follow `swift`.
  static let roleWords = ["no-run", "fill-in", "check", "question", "verify"]
  /// The values of a question's `kind=`.
  static let questionKinds = ["number", "choice", "text"]

  /// Returns the code block an info string and its code make.
  ///
  /// A choice question's `choices` are left empty: they come from the prose before the block,
  /// which `BlockTree` fills in.
  ///
  /// - Parameters:
  ///   - info: the trimmed info string.
  ///   - code: the block's code, for counting a fill-in's blanks.
  ///   - line: the 1-based line of the code's first line.
  /// - Throws: an `InfoStringProblem` for an unknown word or key, or a fill-in or question whose
  ///   keys are missing or do not fit together or with the code.
  static func codeBlock(info: String, code: String, line: Int) throws(InfoStringProblem) -> CodeBlock {
    let language = info.words.first.map(String.init) ?? ""
    guard language == "swift" else { return CodeBlock(language: language, role: .display, code: code, line: line) }
    let words = try AttributeWord.split(String(info.dropFirst(language.count)))
    var roleWord: String?
    for word in words where word.key == nil {
      if let roleWord { throw .extraWord(word.text, role: roleWord) }
      guard roleWords.contains(word.text) else { throw .unknownRole(word.text) }
      roleWord = word.text
    }
    let owner = AttributeWord.Owner.swiftBlock(role: roleWord)
    let role: CodeRole
    switch roleWord {
    case "fill-in":
      let values = try AttributeWord.dictionary(
        words, allowedKeys: ["id", "blanks", "answers", "names"], owner: owner)
      role = .fillIn(try fillIn(values, code: code))
    case "question":
      let values = try AttributeWord.dictionary(
        words, allowedKeys: ["id", "kind", "tolerance", "accepts"], owner: owner)
      role = .question(try question(values))
    default:
      _ = try AttributeWord.dictionary(words, allowedKeys: [], owner: owner)
      switch roleWord {
      case "no-run": role = .display
      case "check": role = .check
      case "verify": role = .verification
      default: role = .run
      }
    }
    return CodeBlock(language: language, role: role, code: code, line: line)
  }

  // MARK: - Private helpers

  /// Returns a fill-in from its `id=`, `blanks=` and `answers=`, checked against the code's blanks.
  private static func fillIn(_ values: [String: String], code: String) throws(InfoStringProblem) -> FillIn {
    let example = "```swift fill-in id=first-conv blanks=Int,Int answers=16,3"
    guard let rawID = values["id"], let rawBlanks = values["blanks"], let rawAnswers = values["answers"] else {
      let missing = ["id", "blanks", "answers"].first { values[$0] == nil }!
      throw .missingKey(missing, owner: .swiftBlock(role: "fill-in"), example: example)
    }
    let id = try wellFormedID(rawID)
    let types = try AttributeWord.list(rawBlanks, key: "blanks", allowsQuotedEmpty: false)
    let answers = try AttributeWord.list(rawAnswers, key: "answers", allowsQuotedEmpty: true)
    let blanks = FillIn.blankCount(in: code)
    guard types.count == blanks else { throw .blankCount(types: types.count, blanks: blanks) }
    guard answers.count == types.count else { throw .answerCount(answers: answers.count, types: types.count) }
    var names: [String] = []
    if let rawNames = values["names"] {
      // One pair of quotes may hold the whole list, since names have spaces: names="a b,c d".
      names = try AttributeWord.list(AttributeWord.unquoted(rawNames), key: "names", allowsQuotedEmpty: false)
    }
    guard names.isEmpty || names.count == types.count else { throw .nameCount(names: names.count, types: types.count) }
    return FillIn(id: id, types: types, answers: answers, names: names)
  }

  /// Returns a question from its `id=`, `kind=` and optional `tolerance=` and `accepts=percent`.
  private static func question(_ values: [String: String]) throws(InfoStringProblem) -> Question {
    let example = "```swift question id=dense-count kind=number"
    guard let rawID = values["id"], let rawKind = values["kind"] else {
      let missing = values["id"] == nil ? "id" : "kind"
      throw .missingKey(missing, owner: .swiftBlock(role: "question"), example: example)
    }
    let id = try wellFormedID(rawID)
    let kind = AttributeWord.unquoted(rawKind)
    guard questionKinds.contains(kind) else { throw .unknownKind(kind) }
    var acceptsPercent = false
    if let rawAccepts = values["accepts"] {
      let accepts = AttributeWord.unquoted(rawAccepts)
      guard accepts == "percent" else { throw .unknownAccepts(accepts) }
      guard kind == "number" else { throw .acceptsWithoutNumber(kind: kind) }
      acceptsPercent = true
    }
    if let rawTolerance = values["tolerance"] {
      guard kind == "number" else { throw .toleranceWithoutNumber(kind: kind) }
      let text = AttributeWord.unquoted(rawTolerance)
      guard let tolerance = Double(text), tolerance.isFinite, tolerance >= 0 else { throw .badTolerance(text) }
      return Question(id: id, kind: .number(tolerance: tolerance), acceptsPercent: acceptsPercent)
    }
    switch kind {
    case "number": return Question(id: id, kind: .number(tolerance: 0), acceptsPercent: acceptsPercent)
    case "choice": return Question(id: id, kind: .choice)
    default: return Question(id: id, kind: .text)
    }
  }

  /// Returns an id without quotes, once it is known to be lowercase letters, digits and hyphens.
  private static func wellFormedID(_ rawValue: String) throws(InfoStringProblem) -> String {
    let id = AttributeWord.unquoted(rawValue)
    guard LessonIdentifier.isWellFormed(id) else { throw .malformedID(id) }
    return id
  }
}
