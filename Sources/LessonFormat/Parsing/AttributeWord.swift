import LessonScript

/// One word of the text after `swift` in a code fence, or after a div's name: a bare word such as
/// `fill-in`, or a `key=value` pair such as `id=first-conv`.
///
/// Words are separated by spaces and tabs. A double quote starts a quoted stretch that runs to the
/// next double quote, in which spaces and commas are ordinary characters: `answers=16,"a, b"` is one
/// word. There are no escapes, so a quoted stretch cannot hold a double quote.
struct AttributeWord: Equatable {
  /// The word as written, quotes included.
  let text: String
  /// The part before the first `=`, or `nil` for a bare word (no `=`, or nothing before it).
  let key: String?
  /// The part after the first `=`, quotes included; empty for a bare word.
  let rawValue: String

  /// Who the words belong to, for messages: a kind of Swift block or a kind of div.
  enum Owner: Equatable, CustomStringConvertible {
    /// A `swift` code block with this role word (`fill-in`, `question`…), or `nil` for plain `swift`.
    case swiftBlock(role: String?)
    /// A fenced div.
    case div(SectionKind)

    /// `a plain 'swift' block`, `a 'swift fill-in' block`, `an 'exercise' div`.
    var description: String {
      switch self {
      case .swiftBlock(nil): return "a plain 'swift' block"
      case .swiftBlock(let role?): return "a 'swift \(role)' block"
      case .div(let kind): return Wording.withArticle(kind.rawValue, "div")
      }
    }
  }

  // MARK: - Splitting

  /// Returns the words of `text`, in order.
  ///
  /// - Throws: `InfoStringProblem.unterminatedQuote` when a double quote is never closed.
  static func split(_ text: String) throws(InfoStringProblem) -> [AttributeWord] {
    var texts: [String] = []
    var current = ""
    var isQuoted = false
    for character in text {
      if character == "\"" { isQuoted.toggle() }
      if character.isSpaceOrTab && !isQuoted {
        if !current.isEmpty { texts.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    guard !isQuoted else { throw .unterminatedQuote(text.trimmed) }
    if !current.isEmpty { texts.append(current) }
    return texts.map(AttributeWord.init(text:))
  }

  /// Creates a word from its text, finding its key.
  init(text: String) {
    self.text = text
    let equals = text.firstIndex(of: "=")
    if let equals, equals != text.startIndex, !text[..<equals].contains("\"") {
      key = String(text[..<equals])
      rawValue = String(text[text.index(after: equals)...])
    } else {
      key = nil
      rawValue = ""
    }
  }

  /// Returns the `key=value` words as a dictionary of their values as written, quotes included.
  ///
  /// - Throws: `InfoStringProblem.unknownKey` for a key not in `allowedKeys` and `duplicateKey`
  ///   for a key given twice. Bare words are skipped: the caller decides what they mean.
  static func dictionary(
    _ words: [AttributeWord], allowedKeys: [String], owner: Owner
  ) throws(InfoStringProblem) -> [String: String] {
    var values: [String: String] = [:]
    for word in words {
      guard let key = word.key else { continue }
      guard allowedKeys.contains(key) else { throw .unknownKey(key, owner: owner, known: allowedKeys) }
      guard values[key] == nil else { throw .duplicateKey(key) }
      values[key] = word.rawValue
    }
    return values
  }

  // MARK: - Values

  /// Returns a value with its double quotes removed: `"build model"` → `build model`.
  static func unquoted(_ rawValue: String) -> String {
    rawValue.filter { $0 != "\"" }
  }

  /// Returns the comma-separated items of a value, such as `blanks=Int,Int` or `answers=16,"a, b"`.
  ///
  /// Commas inside double quotes belong to the item, and the quotes are removed.
  ///
  /// - Parameters:
  ///   - rawValue: the value as written, quotes included.
  ///   - key: the key, for messages.
  ///   - allowsQuotedEmpty: whether `""` may stand for an empty item (an empty answer); an empty
  ///     item without quotes is always an error, as it is more likely a stray comma.
  /// - Throws: `InfoStringProblem.emptyItem` with the item's 1-based position.
  static func list(_ rawValue: String, key: String, allowsQuotedEmpty: Bool) throws(InfoStringProblem) -> [String] {
    var items: [String] = []
    var current = ""
    var isQuoted = false
    var hadQuotes = false
    func finishItem() throws(InfoStringProblem) {
      guard !current.isEmpty || (hadQuotes && allowsQuotedEmpty) else {
        throw .emptyItem(key: key, position: items.count + 1, value: rawValue)
      }
      items.append(current)
      current = ""
      hadQuotes = false
    }
    for character in rawValue {
      if character == "\"" {
        isQuoted.toggle()
        hadQuotes = true
      } else if character == "," && !isQuoted {
        try finishItem()
      } else {
        current.append(character)
      }
    }
    try finishItem()
    return items
  }
}
