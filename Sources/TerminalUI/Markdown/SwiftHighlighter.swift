/// Swift source as lines for the terminal, lightly highlighted when there is colour: keywords and
/// attributes, string literals (interpolated code inside them highlighted as code), number
/// literals and comments each take their colour from `MarkdownStyle`. Without colour the text is
/// unchanged.
///
/// The code is never wrapped: a line wider than `capabilities.width` is cut and ends in `…`, so a
/// caller that indents the lines passes capabilities narrowed by the indent. Tabs become four
/// spaces, spaces at the ends of lines go, and so do blank lines at the end.
///
///     for line in highlightedSwift("let conv = Conv2D(filters: 16, kernelSize: 3)", for: .standardOutput) {
///       print("  " + line)
///     }
public func highlightedSwift(_ code: String, for capabilities: TerminalCapabilities) -> [String] {
  SwiftHighlighter.tokenizedLines(code).map {
    SwiftHighlighter.rendered($0, width: Swift.max(1, capabilities.width), capabilities)
  }
}

/// Splits Swift source into coloured tokens, a line at a time, for `highlightedSwift`.
///
/// It reads tokens, not grammar: a keyword is a reserved word wherever it stands, except after a
/// `.` (a member) or right before a `:` (an argument label), so contextual words such as `get` are
/// coloured even when used as names. That is the price of a highlighter this small, and reads fine
/// in lesson code.
enum SwiftHighlighter {
  /// What a token is, which decides its colour.
  enum Kind: Equatable, Sendable {
    case plain, keyword, string, number, comment
  }

  /// A piece of a line and what it is.
  struct Token: Equatable, Sendable {
    var text: String
    var kind: Kind
  }

  /// The words coloured as keywords.
  static let keywords: Set<String> = [
    "actor", "any", "as", "associatedtype", "async", "await", "borrowing", "break", "case", "catch", "class",
    "consuming", "continue", "convenience", "default", "defer", "deinit", "didSet", "do", "dynamic", "else", "enum",
    "extension", "fallthrough", "false", "fileprivate", "final", "for", "func", "get", "guard", "if", "import", "in",
    "indirect", "init", "inout", "internal", "is", "lazy", "let", "mutating", "nil", "nonisolated", "nonmutating",
    "open", "operator", "override", "private", "protocol", "public", "repeat", "required", "rethrows", "return",
    "self", "Self", "set", "some", "static", "struct", "subscript", "super", "switch", "throw", "throws", "true", "try",
    "typealias", "unowned", "var", "weak", "where", "while", "willSet",
  ]

  /// The tokens of each line of `code`.
  static func tokenizedLines(_ code: String) -> [[Token]] {
    var lines = code.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
      var text = line.replacingOccurrences(of: "\t", with: "    ")
      while text.last == " " { text.removeLast() }
      return text
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    var tokenizer = SwiftTokenizer(characters: Array(lines.joined(separator: "\n")))
    tokenizer.readCode()
    var result: [[Token]] = [[]]
    for token in tokenizer.tokens {
      for (number, piece) in token.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if number > 0 { result.append([]) }
        if !piece.isEmpty { result[result.count - 1].append(Token(text: String(piece), kind: token.kind)) }
      }
    }
    return lines.isEmpty ? [] : result
  }

  /// One line's tokens drawn in their colours, cut with `…` to at most `width` columns.
  static func rendered(_ tokens: [Token], width: Int, _ capabilities: TerminalCapabilities) -> String {
    let text = tokens.map(\.text).joined()
    var kept = text.count
    var ending = ""
    if text.count > width {
      let cut = TextLayout.truncated(text, to: width)
      ending = cut.hasSuffix("…") ? "…" : ""
      kept = cut.count - ending.count
    }
    var line = ""
    for token in tokens where kept > 0 {
      let piece = String(token.text.prefix(kept))
      kept -= piece.count
      line += TextStyle(colour: colour(of: token.kind)).applied(to: piece, capabilities)
    }
    return line + ending
  }

  /// The colour of a kind of token; nil for plain text.
  static func colour(of kind: Kind) -> RGBColor? {
    switch kind {
    case .plain: nil
    case .keyword: MarkdownStyle.keyword
    case .string: MarkdownStyle.string
    case .number: MarkdownStyle.number
    case .comment: MarkdownStyle.comment
    }
  }
}
