/// How Markdown is drawn when the terminal takes colour: the palette colour of each role, and a
/// text style that combines bold, italic and a colour (`ANSI.styled` offers only bold and colour).
///
/// Every role also shows without colour: headings are underlined, code keeps its backticks,
/// emphasis is italic rather than coloured.
enum MarkdownStyle {
  /// Headings (`#`, `##`).
  static let heading = Palette.training
  /// Inline `code`.
  static let code = Palette.validation
  /// What is secondary: link addresses, the gutters of quotes and output, the output itself.
  static let secondary = Palette.axis

  /// Swift keywords and attributes (`let`, `func`, `@MainActor`).
  static let keyword = Palette.bad
  /// Swift string literals.
  static let string = Palette.validation
  /// Swift number literals.
  static let number = Palette.training
  /// Swift comments.
  static let comment = Palette.axis
}

/// The look of a stretch of text: bold, italic and a colour, any of them.
struct TextStyle: Equatable, Sendable {
  var isBold = false
  var isItalic = false
  var colour: RGBColor?

  /// No style at all.
  static let plain = TextStyle()

  /// `text` with this style when the capabilities allow colour, ending in a reset; otherwise (or
  /// when there is no style) `text` unchanged.
  func applied(to text: String, _ capabilities: TerminalCapabilities) -> String {
    guard capabilities.colors != .none, self != .plain, !text.isEmpty else { return text }
    var prefix = ""
    if isBold { prefix += "\u{1B}[1m" }
    if isItalic { prefix += "\u{1B}[3m" }
    if let colour { prefix += ANSI.foreground(colour.red, colour.green, colour.blue, capabilities.colors) }
    return prefix + text + ANSI.reset
  }
}
