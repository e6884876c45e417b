/// Markdown source rewrapped to a width, for Markdown that is printed as text (a handout):
/// paragraphs and list items are joined and broken again at spaces, list items with their
/// continuation lines indented under their text; headings, fenced code, tables, block quotes and
/// fenced divs are left as they are.
///
///     MarkdownReflow.reflowed("A long paragraph\nin two lines.\n\n- an item", width: 20)
///     // "A long paragraph in\ntwo lines.\n\n- an item"
public enum MarkdownReflow {
  /// `markdown` with its paragraphs and list items wrapped to `width` columns.
  public static func reflowed(_ markdown: String, width: Int) -> String {
    var output: [String] = []
    var paragraph: [String] = []
    var listMarker: String?
    var insideFence = false

    func flush() {
      guard !paragraph.isEmpty else { return }
      let text = paragraph.joined(separator: " ")
      if let marker = listMarker {
        output += TextLayout.hanging(
          String(text.dropFirst(marker.count)), first: marker, rest: String(repeating: " ", count: marker.count),
          width: width)
      } else {
        output += TextLayout.wrapped(text, width: width)
      }
      paragraph = []
      listMarker = nil
    }

    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        flush()
        insideFence.toggle()
        output.append(line)
      } else if insideFence || trimmed.isEmpty || isLeftAlone(trimmed) {
        flush()
        output.append(line)
      } else if let marker = listItemMarker(line) {
        flush()
        listMarker = marker
        paragraph = [line]
      } else {
        paragraph.append(paragraph.isEmpty ? line : trimmed)
      }
    }
    flush()
    return output.joined(separator: "\n")
  }

  /// Whether a line is kept whole: a heading, a table row, a block quote or a fenced div.
  private static func isLeftAlone(_ trimmed: String) -> Bool {
    ["#", "|", ">", ":::"].contains { trimmed.hasPrefix($0) }
  }

  /// The marker of a list item with the space after it (`- `, `3. `, `b) `… as the lesson's
  /// choices are written after `- `), or nil for any other line.
  private static func listItemMarker(_ line: String) -> String? {
    if line.hasPrefix("- ") || line.hasPrefix("* ") { return String(line.prefix(2)) }
    let digits = line.prefix { $0.isNumber }
    guard !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
    return digits + ". "
  }
}
