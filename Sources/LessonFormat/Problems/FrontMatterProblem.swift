/// What can be wrong in the front matter, the `---` block at the top of an episode.
enum FrontMatterProblem: Error, Equatable, CustomStringConvertible {
  /// Line 1 is not `---`; carries line 1, or `nil` for an empty file.
  case missingOpening(found: String?)
  /// The opening `---` has no closing `---`.
  case unclosed
  /// A line that is not `key: value`; carries the line.
  case notKeyValue(String)
  /// A key the format does not know.
  case unknownKey(String)
  /// A key given twice, and the line of its first use.
  case duplicateKey(String, firstLine: Int)
  /// A required key that is absent.
  case missingKey(String)
  /// `title:` with nothing after it.
  case emptyTitle
  /// A title that opens a quote and does not close it; carries the value.
  case unbalancedQuote(String)
  /// `teaching` or `exercises` that is not a whole number.
  case notMinutes(key: String, found: String)
  /// `training` that is not three words.
  case trainingShape(found: String)
  /// A training model name that is not a single word.
  case trainingModel(String)
  /// A training image or epoch count that is not a whole number above 0; `what` is `images` or `epochs`.
  case trainingCount(what: String, found: String)

  /// The message a lesson author reads.
  var description: String {
    let shape = "a '---' line, then 'title: …', 'teaching: …' and 'exercises: …' lines, then '---'"
    switch self {
    case .missingOpening(nil):
      return "the file is empty; an episode starts with front matter: \(shape)"
    case .missingOpening(let found?) where found.isBlank:
      return "line 1 is blank, but an episode starts with front matter on line 1: \(shape)"
    case .missingOpening(let found?):
      return
        "the file starts with '\(found.trimmed)', but an episode starts with front matter: \(shape); add it at the top"
    case .unclosed:
      return "the front matter opened by this '---' is never closed; add a '---' line after its last 'key: value' line"
    case .notKeyValue(let line):
      return """
        found '\(line)' in the front matter, where each line is 'key: value', such as 'teaching: 30'; \
        fix or remove this line
        """
    case .unknownKey(let key):
      return Wording.unknown(
        "unknown front matter key '\(key)'", found: key, among: FrontMatter.knownKeys,
        then: "The known keys are \(Wording.quotedList(FrontMatter.knownKeys))")
    case .duplicateKey(let key, let firstLine):
      return "'\(key)' is set twice in the front matter (first on line \(firstLine)); keep one of the two lines"
    case .missingKey(let key):
      let example = ["title": "title: \"Build a CNN\"", "teaching": "teaching: 30", "exercises": "exercises: 20"][key]
      return "the front matter has no '\(key)'; add a line such as '\(example ?? key + ": …")' before this '---'"
    case .emptyTitle:
      return "the title is empty; write the episode's title after 'title:', such as 'title: \"Build a CNN\"'"
    case .unbalancedQuote(let value):
      return "the title \(value) opens a quote it does not close; end it with the same quote mark, or remove the quote"
    case .notMinutes(let key, let found):
      return "'\(key)' must be a whole number of minutes, such as 30; found '\(found)'. Write the number alone"
    case .trainingShape(let found):
      return """
        'training' must be three words, MODEL IMAGES EPOCHS, such as 'lesson 1000 10'; found '\(found)'
        """
    case .trainingModel(let model):
      return """
        the training model '\(model)' is not one word of letters, digits, hyphens and underscores; write a \
        reference model's name, such as 'lesson', 'small' or 'bigger'
        """
    case .trainingCount(let what, let found):
      return """
        the number of training \(what) in 'training: MODEL IMAGES EPOCHS' must be a whole number above 0; \
        found '\(found)'
        """
    }
  }
}
