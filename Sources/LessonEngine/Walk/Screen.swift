import TerminalUI

/// Writes the walk to the learner's output: prose as formatted Markdown, steps as highlighted code,
/// framed divs, and feedback marked with words and symbols (✓ ✗), coloured where colour is on.
struct Screen {
  let output: TerminalOutput

  var capabilities: TerminalCapabilities { output.capabilities }

  func line(_ text: String = "") {
    output.writeLine(text)
  }

  func lines(_ texts: [String]) {
    for text in texts { output.writeLine(text) }
  }

  /// Markdown prose, wrapped to the width.
  func prose(_ markdown: String) {
    lines(MarkdownView(markdown).lines(for: capabilities))
  }

  /// The title line of a section: `── Challenge ──`, `── Key points ──`.
  func open(_ title: String) {
    let rule = capabilities.usesUnicode ? "──" : "--"
    line()
    line(styled("\(rule) \(title) \(rule)", bold: true))
  }

  /// The end of a section.
  func close() {
    line(styled(String(repeating: capabilities.usesUnicode ? "─" : "-", count: 12), colour: Palette.axis))
  }

  /// A step's code, highlighted, under a header saying which step it is.
  func code(_ code: String, step: Int, of total: Int, label: String = "Step") {
    line()
    line(styled("\(label) \(step) of \(total)", colour: Palette.axis))
    lines(highlightedSwift(code, for: capabilities, indentedBy: 2))
  }

  /// Text marked as good: `✓ text`, wrapped to the width under its first word.
  func good(_ text: String) {
    marked(text, with: capabilities.usesUnicode ? "✓ " : "OK ", colour: Palette.good)
  }

  /// Text marked as bad: `✗ text`, wrapped to the width under its first word.
  func bad(_ text: String) {
    marked(text, with: capabilities.usesUnicode ? "✗ " : "X ", colour: Palette.bad)
  }

  private func marked(_ text: String, with mark: String, colour: RGBColor) {
    let indent = String(repeating: " ", count: mark.count)
    let width = Swift.max(10, capabilities.width - mark.count)
    let wrapped = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
      paragraph.isEmpty ? [""] : TextLayout.wrapped(String(paragraph), width: width)
    }
    for (index, part) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
      line(styled((index == 0 ? mark : indent) + part, colour: colour))
    }
  }

  /// Hint `number` (from 1) of `hints`, or the last one when `number` is past it, under its title
  /// (`Hint 1 of 2:`); returns the number shown. `hints` is not empty.
  @discardableResult
  func hint(_ hints: [String], number: Int) -> Int {
    let shown = Swift.min(number, hints.count)
    line(styled("Hint \(shown) of \(hints.count):", bold: true))
    prose(hints[shown - 1])
    return shown
  }

  /// Plain text wrapped to the width.
  func paragraph(_ text: String) {
    lines(TextLayout.wrapped(text, width: capabilities.width))
  }

  /// Why an answer is what it is, under `Why:`.
  func explanation(_ markdown: String) {
    line(styled("Why:", bold: true))
    prose(markdown)
  }

  /// A prompt, printed without a newline so the answer follows it; a prompt too long for one line
  /// is wrapped, leaving room on its last line for a short answer.
  func prompt(_ text: String) {
    let lines = TextLayout.wrapped(text, width: Swift.max(10, capabilities.width - Screen.answerRoom))
    for line in lines.dropLast() { self.line(styled(line, bold: true)) }
    output.write(styled(lines.last ?? "", bold: true) + " ")
  }

  /// A prompt of keys: `text`, or `narrow` where `text` and a short answer would not fit the width.
  func prompt(_ text: String, narrow: String) {
    prompt(TextLayout.visibleWidth(text) + Screen.answerRoom <= capabilities.width ? text : narrow)
  }

  /// The columns a prompt leaves for the answer typed after it.
  static let answerRoom = 6

  func styled(_ text: String, colour: RGBColor? = nil, bold: Bool = false) -> String {
    capabilities.styled(text, colour: colour, bold: bold)
  }
}
