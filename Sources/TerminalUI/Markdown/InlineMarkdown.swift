/// The inline Markdown of a paragraph, heading or table cell (`*emphasis*`, `**strong**`,
/// `` `code` ``, `[links](url)`), parsed once and then drawn as wrapped lines for a terminal.
///
/// Without colour the emphasis markers go (the words carry the meaning), code keeps its
/// backticks and a link reads `text (url)`. With colour, emphasis is italic, strong is bold, code
/// takes the code colour instead of its backticks, and a link's address is dimmed.
///
///     InlineMarkdown("Call `fit` **once**.").lines(width: 40, .plain())   // ["Call `fit` once."]
struct InlineMarkdown: Equatable, Sendable {
  /// A stretch of text and what it is.
  struct Span: Equatable, Sendable {
    var text = ""
    var isStrong = false
    var isEmphasis = false
    var isCode = false
    var isAddress = false
  }

  /// The text in order; line breaks in the source are spaces here.
  let spans: [Span]

  /// Parses `source`. Markers that open nothing (a lone `*`, `snake_case`) stay as text.
  init(_ source: String) {
    let characters = source.map { $0.isNewline || $0 == "\t" ? " " : $0 }
    spans = InlineMarkdownParser(characters: characters).spans(in: 0..<characters.count, Span())
  }

  // MARK: - Drawing

  /// Each span's text as shown and its style; `base` lies under every style (bold for headings).
  func runs(base: TextStyle, _ capabilities: TerminalCapabilities) -> [(text: String, style: TextStyle)] {
    let inColour = capabilities.colors != .none
    return spans.map { span in
      guard inColour else { return (span.isCode ? "`" + span.text + "`" : span.text, base) }
      var style = base
      if span.isStrong { style.isBold = true }
      if span.isEmphasis { style.isItalic = true }
      if span.isCode { style.colour = MarkdownStyle.code }
      if span.isAddress { style.colour = MarkdownStyle.secondary }
      return (span.text, style)
    }
  }

  /// The text on one line as plain mode shows it: what a table cell holds.
  var plainText: String {
    runs(base: .plain, .plain()).map(\.text).joined()
  }

  /// The text broken at spaces into styled lines of at most `width` columns; a word is cut only
  /// when it is longer than a line. Empty text gives no lines.
  ///
  /// The breaking is `TextLayout.wrapped` on the shown text; each character then gets back the
  /// style of the span it came from. That works because the wrapped lines hold the same
  /// characters in the same order, less some spaces.
  func lines(width: Int, base: TextStyle = .plain, _ capabilities: TerminalCapabilities) -> [String] {
    var characters: [Character] = []
    var styles: [TextStyle] = []
    for run in runs(base: base, capabilities) {
      for character in run.text {
        characters.append(character)
        styles.append(run.style)
      }
    }
    var cursor = 0
    return TextLayout.wrapped(String(characters), width: width).map { line in
      var pieces: [(text: String, style: TextStyle)] = []
      for character in line {
        while cursor < characters.count && characters[cursor] != character { cursor += 1 }
        let style = cursor < styles.count ? styles[cursor] : base
        cursor += 1
        if let last = pieces.last, last.style == style {
          pieces[pieces.count - 1].text.append(character)
        } else {
          pieces.append((String(character), style))
        }
      }
      return pieces.map { $0.style.applied(to: $0.text, capabilities) }.joined()
    }
  }
}
