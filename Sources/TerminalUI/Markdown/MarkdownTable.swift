/// A Markdown table drawn as a `Table`: each column as wide as its longest cell, the widest
/// shrunk first when the whole is wider than the line, and without rules between rows when no
/// cell wraps. When the line is too narrow for the columns to keep their words whole (words
/// counted up to 16 characters, so one long address does not decide), it becomes a list of
/// `header: value` lines, one group per row.
///
/// Cells show their plain-mode text in every mode (they carry no escape codes, which `Table`'s
/// wrapping would not keep whole). `Table` aligns left or right only, so a centred column (`:-:`) sits left.
struct MarkdownTable {
  let header: [String]
  let rows: [[String]]
  let alignments: [MarkdownTableSource.Alignment]

  /// The table of `source`, its Markdown cells reduced to text.
  init(_ source: MarkdownTableSource) {
    header = source.header.map { InlineMarkdown($0).plainText }
    rows = source.rows.map { $0.map { InlineMarkdown($0).plainText } }
    alignments = source.alignments
  }

  /// The table's lines, none wider than `width`.
  func lines(width: Int, _ capabilities: TerminalCapabilities) -> [String] {
    let count = header.count
    let frame = 3 * count + 1  // a border left of each column, one at the end, a space each side of every cell
    let texts = (0..<count).map { column in [header[column]] + rows.map { $0[column] } }
    let natural = texts.map { column in Swift.max(1, column.map(TextLayout.visibleWidth).max() ?? 1) }
    let longestWord = texts.map { column in
      column.flatMap { $0.split(separator: " ") }.map { TextLayout.visibleWidth(String($0)) }.max() ?? 1
    }
    guard count > 0, longestWord.map({ Swift.min($0, 16) }).reduce(0, +) <= width - frame else {
      return records(width: width)
    }
    let widths = Self.fitted(natural, longestWord: longestWord, into: width - frame)
    let lineLength = widths.reduce(0, +) + frame
    var edge = 0
    let columns = (0..<count).map { column -> Table.Column in
      edge += widths[column]
      // Half a column past the edge, so that `Table` rounds down to exactly `edge`.
      let fraction = (Double(edge) + 0.5) / Double(lineLength)
      return Table.Column(header[column], upTo: fraction, alignments[column] == .right ? .right : .left)
    }
    let table = Table(columns: columns, rows: rows, lineLength: lineLength)
    let lines = table.lines(for: capabilities)
    let wraps = rows.contains { row in
      zip(row, widths).contains { text, width in TextLayout.visibleWidth(text) > width }
    }
    guard !wraps else { return lines }
    let box = capabilities.usesUnicode ? Table.Borders.unicode : Table.Borders.ascii
    let rule = box.rowSeparator
    let separator =
      rule.left + table.cellWidths.map { String(repeating: rule.line, count: $0) }.joined(separator: rule.middle)
      + rule.right
    return lines.indices.filter { $0 == lines.count - 1 || lines[$0] != separator }.map { lines[$0] }
  }

  /// Column widths for text within `available` characters in all, starting from each column's
  /// `natural` width: the widest column gives up a character at a time, first down to its
  /// `longestWord` (so words stay whole while they can), then below it if it must.
  static func fitted(_ natural: [Int], longestWord: [Int], into available: Int) -> [Int] {
    var widths = natural
    var excess = natural.reduce(0, +) - available
    for mayCutWords in [false, true] {
      while excess > 0 {
        let shrinkable = widths.indices.filter { widths[$0] > (mayCutWords ? 1 : longestWord[$0]) }
        guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
        widths[widest] -= 1
        excess -= 1
      }
    }
    return widths
  }

  /// Each row as `header: value` lines, wrapped, with a blank line between rows (the header
  /// alone when there are no rows).
  private func records(width: Int) -> [String] {
    guard !rows.isEmpty else { return TextLayout.wrapped(header.joined(separator: " | "), width: width) }
    var lines: [String] = []
    for row in rows {
      if !lines.isEmpty { lines.append("") }
      for (name, value) in zip(header, row) {
        lines += TextLayout.wrapped(name.isEmpty ? value : "\(name): \(value)", width: width)
      }
    }
    return lines
  }
}
