/// Swift source as lines for the terminal, lightly highlighted when there is colour: keywords and
/// attributes, string literals (interpolated code inside them highlighted as code), number
/// literals and comments each take their colour from `MarkdownStyle`. Without colour the text is
/// unchanged.
///
/// Each line is indented by `indent` spaces and the code is wrapped, never cut, to the columns
/// left of `capabilities.width`: a longer line breaks after `, ` or a bracket, at a space or
/// before `.member`, and goes on below behind `↪` (`>` without Unicode), indented two more than
/// the line (see `SwiftLineWrapper`). Tabs become four spaces, spaces at the ends of lines go, and
/// so do blank lines at the end; a blank line stays empty.
///
///     for line in highlightedSwift("let conv = Conv2D(filters: 16, kernelSize: 3)", for: .standardOutput, indentedBy: 2) {
///       print(line)
///     }
public func highlightedSwift(_ code: String, for capabilities: TerminalCapabilities, indentedBy indent: Int = 0)
  -> [String]
{
  let indent = Swift.max(0, Swift.min(indent, capabilities.width - 1))
  let margin = String(repeating: " ", count: indent)
  return SwiftHighlighter.tokenizedLines(code).flatMap {
    SwiftHighlighter.rendered($0, width: capabilities.width - indent, capabilities).map {
      $0.isEmpty ? $0 : margin + $0
    }
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

  /// One line's tokens drawn in their colours and wrapped to at most `width` columns: the line
  /// itself when it fits, otherwise pieces of it, each after the first behind the continuation mark
  /// in the secondary colour.
  static func rendered(_ tokens: [Token], width: Int, _ capabilities: TerminalCapabilities) -> [String] {
    let wrapper = SwiftLineWrapper(width: width)
    let mark = TextStyle(colour: MarkdownStyle.secondary).applied(
      to: capabilities.usesUnicode ? "↪" : ">", capabilities)
    return wrapper.pieces(of: tokens).map { piece in
      var line = String(repeating: " ", count: piece.indent) + (piece.hasMark ? mark + " " : "")
      for token in piece.tokens {
        line += TextStyle(colour: colour(of: token.kind)).applied(to: token.text, capabilities)
      }
      return line
    }
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
