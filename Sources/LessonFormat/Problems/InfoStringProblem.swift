import LessonScript

/// What can be wrong in the words after `swift` in a code fence, or after a div's name.
enum InfoStringProblem: Error, Equatable, CustomStringConvertible {
  /// A double quote that is never closed; carries the words.
  case unterminatedQuote(String)
  /// A word after `swift` that is not a role (`no-run`, `fill-in`, `check`, `question`).
  case unknownRole(String)
  /// A second bare word after the role word.
  case extraWord(String, role: String)
  /// A word after a div's name that is not `key=value`.
  case bareWordOnDiv(String, div: SectionKind)
  /// A key its block or div does not take; `known` lists those it does.
  case unknownKey(String, owner: AttributeWord.Owner, known: [String])
  /// A key given twice.
  case duplicateKey(String)
  /// A required key that is absent, with an example of a complete fence.
  case missingKey(String, owner: AttributeWord.Owner, example: String)
  /// An id that is not lowercase letters, digits and hyphens.
  case malformedID(String)
  /// An empty item in a comma-separated value; `position` counts from 1.
  case emptyItem(key: String, position: Int, value: String)
  /// A question `kind=` that is not `number`, `choice` or `text`.
  case unknownKind(String)
  /// A `tolerance=` that is not a number of 0 or more.
  case badTolerance(String)
  /// A `tolerance=` on a question whose kind is not `number`.
  case toleranceWithoutNumber(kind: String)
  /// A fill-in whose `blanks=` count differs from the blanks in its code.
  case blankCount(types: Int, blanks: Int)
  /// A fill-in whose `answers=` count differs from its `blanks=` count.
  case answerCount(answers: Int, types: Int)
  /// A fill-in whose `names=` list does not have one name per blank.
  case nameCount(names: Int, types: Int)
  /// A `wrong` div's `blank=` that is not a blank's number from 1.
  case badBlankNumber(String)
  /// An `accepts=` other than `percent`.
  case unknownAccepts(String)
  /// `accepts=` on a question that is not `kind=number`.
  case acceptsWithoutNumber(kind: String)

  /// The message a lesson author reads.
  var description: String {
    let quoting = "a value with spaces or commas goes in quotes, as in answers=16,\"a, b\""
    switch self {
    case .unterminatedQuote(let words):
      return "the double quote in '\(words)' is never closed; close it with another '\"' (\(quoting))"
    case .unknownRole(let word):
      return Wording.unknown(
        "unknown word '\(word)' after 'swift'", found: word, among: InfoString.roleWords,
        then: "A Swift block is 'swift', 'swift no-run', 'swift fill-in …', 'swift check' or 'swift question …'")
    case .extraWord(let word, let role):
      return "unexpected word '\(word)' after 'swift \(role)', where only key=value words may follow (\(quoting))"
    case .bareWordOnDiv(let word, let div):
      return """
        unexpected word '\(word)' after '::: \(div.rawValue)', where only key=value words may follow; \
        put a title on its own line inside the div, as a '##' heading
        """
    case .unknownKey(let key, let owner, let known) where known.isEmpty:
      let note = owner == .swiftBlock(role: nil) ? " (ids belong to 'swift fill-in' and 'swift question' blocks)" : ""
      return "unknown key '\(key)' on \(owner), which takes no key=value words\(note); remove it"
    case .unknownKey(let key, let owner, let known):
      return Wording.unknown(
        "unknown key '\(key)' on \(owner)", found: key, among: known, then: "It takes \(Wording.quotedList(known))")
    case .duplicateKey(let key):
      return "'\(key)=' is given twice; keep one"
    case .missingKey(let key, let owner, let example):
      return "\(owner) needs '\(key)='; write for example '\(example)'"
    case .malformedID(let id):
      return "the id '\(id)' must be lowercase letters, digits and hyphens, such as '\(Self.suggestedID(for: id))'"
    case .emptyItem(let key, let position, let value):
      let empty = key == "answers" ? ", or write \"\" for an empty answer" : ""
      return "item \(position) of '\(key)=\(value)' is empty; remove the extra comma\(empty)"
    case .unknownKind(let kind):
      return Wording.unknown(
        "unknown question kind '\(kind)'", found: kind, among: InfoString.questionKinds,
        then: "The kinds are \(Wording.quotedList(InfoString.questionKinds))")
    case .badTolerance(let found):
      return "'tolerance=' must be a number of 0 or more, such as 0.01; found '\(found)'"
    case .toleranceWithoutNumber(let kind):
      return "'tolerance=' applies only to kind=number questions, and this one is kind=\(kind); remove it"
    case .blankCount(let types, 0):
      return """
        'blanks=' lists \(Wording.count(types, "type")) but the code has no blanks; mark each blank with \
        _____ (five or more underscores)
        """
    case .blankCount(let types, let blanks):
      return """
        'blanks=' lists \(Wording.count(types, "type")) but the code has \(Wording.count(blanks, "blank")) \
        (runs of five or more underscores); give one type per blank, in order
        """
    case .answerCount(let answers, let types):
      return """
        'answers=' gives \(Wording.count(answers, "value")) but 'blanks=' lists \(Wording.count(types, "type")); \
        give one answer per blank, in order (\(quoting))
        """
    case .nameCount(let names, let types):
      return """
        'names=' gives \(Wording.count(names, "name")) but 'blanks=' lists \(Wording.count(types, "type")); \
        give each blank its name in words, in order, such as names="number of filters,kernel size"
        """
    case .badBlankNumber(let found):
      return "'blank=' must be the number of a blank, from 1, such as blank=2; found '\(found)'"
    case .unknownAccepts(let found):
      return "'accepts=' takes 'percent' (answers may then be typed as 94.6 or 94.6 %); found '\(found)'"
    case .acceptsWithoutNumber(let kind):
      return "'accepts=percent' applies only to kind=number questions, and this one is kind=\(kind); remove it"
    }
  }

  /// Returns `id` respelled by the rule: lowercased, with every other character made a hyphen
  /// (`Build_Model` → `build-model`), or a generic example when nothing is left.
  static func suggestedID(for id: String) -> String {
    let respelled = String(id.lowercased().map { LessonIdentifier.isWellFormed(String($0)) ? $0 : "-" })
    return LessonIdentifier.isWellFormed(respelled) && respelled.contains(where: { $0 != "-" })
      ? respelled : "first-conv"
  }
}
