/// Lesson prose written in Markdown, laid out for the terminal: headings, paragraphs wrapped to
/// the width, lists with hanging indentation, tables, code blocks and block quotes.
///
/// - Headings are bold (`#` and `##` also coloured); without colour, `#` headings are underlined
///   with `═` and `##` headings with `─` (`=` and `-` in ASCII), and `###` headings stay plain text.
/// - Paragraphs wrap at spaces; a word is cut only when it is longer than a line. `*emphasis*` is
///   italic and `**strong**` bold; without colour their markers are dropped. `` `code` `` takes
///   the code colour, or keeps its backticks without colour. `[text](url)` reads `text (url)`.
/// - Lists (`-`, `*`, `+`, `1.`) nest by indentation and show `•` (`-` in ASCII) or numbers,
///   with wrapped lines indented under the text.
/// - Tables (`| a | b |` over `|---|---|`) are drawn with `Table`, fitted to the width (or, too
///   narrow for whole words, as `header: value` lines).
/// - Fenced code is indented by two and wrapped, never cut: a line too long goes on below behind
///   `↪`, as `highlightedSwift` wraps it. Swift is highlighted; ```` ```output ```` blocks get a
///   `│` gutter and, with colour, a dimmer colour.
/// - Block quotes (`>`) get a `│` gutter.
///
/// Blocks are separated by exactly one blank line (items of a list written without blank lines
/// between them stay together); the first line is never blank.
///
///     let view = MarkdownView("## Filters\nA *filter* is a small grid of weights.")
///     for line in view.lines(for: .standardOutput) { print(line) }
public struct MarkdownView: Sendable {
  let blocks: [MarkdownBlock]

  /// Creates the view of `markdown`, prose without front matter or fenced divs.
  public init(_ markdown: String) {
    blocks = MarkdownBlockParser.blocks(in: markdown)
  }

  /// The lines to print, without trailing newlines, none wider than the capabilities' width.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    lines(of: blocks, width: Swift.max(1, capabilities.width), separated: true, capabilities)
  }

  // MARK: - Blocks

  /// `blocks` one after another, a blank line between them when `separated` (and before a heading
  /// in any case).
  private func lines(of blocks: [MarkdownBlock], width: Int, separated: Bool, _ capabilities: TerminalCapabilities)
    -> [String]
  {
    var lines: [String] = []
    for block in blocks {
      let drawn = self.lines(of: block, width: width, capabilities)
      guard !drawn.isEmpty else { continue }
      if case .heading = block, !lines.isEmpty {
        lines.append("")
      } else if separated && !lines.isEmpty {
        lines.append("")
      }
      lines += drawn
    }
    return lines
  }

  private func lines(of block: MarkdownBlock, width: Int, _ capabilities: TerminalCapabilities) -> [String] {
    switch block {
    case .heading(let level, let text):
      return heading(level: level, text, width: width, capabilities)
    case .paragraph(let text):
      return InlineMarkdown(text).lines(width: width, capabilities)
    case .list(let list):
      return self.list(list, width: width, capabilities)
    case .code(let language, let code):
      return self.code(code, language: language, width: width, capabilities)
    case .quote(let quoted):
      let gutter = TextStyle(colour: MarkdownStyle.secondary).applied(to: bar(capabilities), capabilities) + " "
      return margin(first: gutter, rest: gutter, width: width) {
        lines(of: quoted, width: $0, separated: true, capabilities)
      }
    case .table(let source):
      return MarkdownTable(source).lines(width: width, capabilities)
    case .rule:
      let rule = String(repeating: capabilities.usesUnicode ? "─" : "-", count: width)
      return [TextStyle(colour: MarkdownStyle.secondary).applied(to: rule, capabilities)]
    }
  }

  private func heading(level: Int, _ text: String, width: Int, _ capabilities: TerminalCapabilities) -> [String] {
    let inline = InlineMarkdown(text)
    guard capabilities.colors == .none else {
      let style = TextStyle(isBold: true, colour: level < 3 ? MarkdownStyle.heading : nil)
      return inline.lines(width: width, base: style, capabilities)
    }
    let lines = inline.lines(width: width, capabilities)
    guard level < 3, let widest = lines.map(TextLayout.visibleWidth).max() else { return lines }
    let underline = level == 1 ? (capabilities.usesUnicode ? "═" : "=") : (capabilities.usesUnicode ? "─" : "-")
    return lines + [String(repeating: underline, count: widest)]
  }

  /// Each item under its bullet or number (numbers right-aligned), wrapped lines indented to
  /// the item's text.
  private func list(_ list: MarkdownList, width: Int, _ capabilities: TerminalCapabilities) -> [String] {
    let markers = list.items.indices.map { index in
      list.start.map { "\($0 + index)." } ?? (capabilities.usesUnicode ? "•" : "-")
    }
    let markerWidth = markers.map(\.count).max() ?? 1
    var lines: [String] = []
    for (item, marker) in zip(list.items, markers) {
      if list.isLoose && !lines.isEmpty { lines.append("") }
      let first = TextLayout.padded(marker, to: markerWidth, rightAligned: true) + " "
      lines += margin(first: first, rest: String(repeating: " ", count: markerWidth + 1), width: width) {
        self.lines(of: item, width: $0, separated: list.isLoose, capabilities)
      }
    }
    return lines
  }

  /// Code indented by two, each line wrapped to the width; output behind a gutter.
  private func code(_ code: [String], language: String, width: Int, _ capabilities: TerminalCapabilities)
    -> [String]
  {
    guard !code.isEmpty else { return [] }
    return margin(first: "  ", rest: "  ", width: width) { width in
      switch language {
      case "swift":
        return SwiftHighlighter.tokenizedLines(code.joined(separator: "\n")).flatMap {
          SwiftHighlighter.rendered($0, width: width, capabilities)
        }
      case "output":
        // Drawn plain, then dimmed whole, so the continuation mark takes the output's colour.
        var plain = capabilities
        plain.colors = .none
        let style = TextStyle(colour: MarkdownStyle.secondary)
        return margin(first: bar(capabilities) + " ", rest: bar(capabilities) + " ", width: width) { width in
          self.plainCode(code, width: width, plain)
        }.map { style.applied(to: $0, capabilities) }
      default:
        return plainCode(code, width: width, capabilities)
      }
    }
  }

  /// Code that is not highlighted, wrapped as Swift is.
  private func plainCode(_ code: [String], width: Int, _ capabilities: TerminalCapabilities) -> [String] {
    code.flatMap { line in
      SwiftHighlighter.rendered([.init(text: TextLayout.trimmed(line), kind: .plain)], width: width, capabilities)
    }
  }

  // MARK: - Helpers

  /// The lines `content` draws in what the margin leaves of `width`, the first behind `first`,
  /// the others behind `rest` (spaces at the end dropped, so an empty line gets just the gutter).
  /// Where the width leaves no room for the margin, the content goes without it.
  private func margin(first: String, rest: String, width: Int, _ content: (Int) -> [String]) -> [String] {
    let marginWidth = TextLayout.visibleWidth(first)
    guard width > marginWidth else { return content(width) }
    let body = content(width - marginWidth)
    guard !body.isEmpty else { return [TextLayout.trimmed(first)] }
    return body.enumerated().map { index, line in
      TextLayout.trimmed((index == 0 ? first : rest) + line)
    }
  }

  /// The vertical bar of a gutter.
  private func bar(_ capabilities: TerminalCapabilities) -> String {
    capabilities.usesUnicode ? "│" : "|"
  }
}
