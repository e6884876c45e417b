import TextEscaping

/// A table of text in aligned columns, drawn with box-drawing characters as the `rich` library
/// draws Keras's `model.summary()` (a heavy header, a line between rows), or with ASCII `+ - |`
/// where the terminal cannot show them. Text too long for its cell wraps at spaces.
///
///     let table = Table(
///       columns: [.init("Layer (type)", upTo: 0.45), .init("Output Shape", upTo: 0.80), .init("Param #", upTo: 1, .right)],
///       rows: [["conv2d (Conv2D)", "(None, 30, 30, 16)", "448"]], lineLength: 76)
///     table.lines(for: .standardOutput)
public struct Table: Sendable {
  /// One column: its header, where its right edge sits (a fraction of the line length) and how
  /// its text is aligned.
  public struct Column: Sendable {
    /// The header text.
    public let header: String
    /// The right edge as a fraction (0...1] of the line length, as Keras's `positions`.
    public let edge: Double
    /// Whether text sits at the right of the cell (numbers) or the left.
    public let isRightAligned: Bool

    /// Creates a column whose right edge is at `edge` of the line, left-aligned unless `.right`.
    public init(_ header: String, upTo edge: Double, _ alignment: Alignment = .left) {
      self.header = header
      self.edge = edge
      self.isRightAligned = alignment == .right
    }
  }

  /// Where text sits in its cell.
  public enum Alignment: Sendable {
    case left, right
  }

  let columns: [Column]
  let rows: [[String]]
  /// The width of each cell, padding included, borders excluded.
  let cellWidths: [Int]

  /// Lays out `columns` on a line of `lineLength` characters, then shrinks them to fit with their
  /// borders and padding, as `rich` does: the excess is taken from the columns in turn, each giving
  /// its share rounded half to even. (At 76 characters Keras's summary columns are 33, 24 and 15.)
  public init(columns: [Column], rows: [[String]], lineLength: Int) {
    self.columns = columns
    self.rows = rows.map { $0.map { $0.escapedForTerminal() } }
    var widths: [Int] = []
    var current = 0
    for column in columns {
      let width = Int(column.edge * Double(lineLength)) - current
      widths.append(width + 2)
      current += width
    }
    var excess = widths.reduce(0, +) + widths.count + 1 - lineLength
    var remaining = widths.count
    for i in widths.indices where excess > 0 {
      let share = (Double(excess) / Double(remaining)).rounded(.toNearestOrEven)
      widths[i] -= Int(share)
      excess -= Int(share)
      remaining -= 1
    }
    cellWidths = widths.map { Swift.max($0, 3) }
  }

  /// The table's lines: box-drawing characters when the capabilities allow Unicode, ASCII otherwise.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let box = capabilities.usesUnicode ? Borders.unicode : Borders.ascii
    var lines = [border(box.top)]
    lines += cells(columns.map(\.header), vertical: box.headerVertical)
    lines.append(border(box.headerSeparator))
    for (index, row) in rows.enumerated() {
      if index > 0 { lines.append(border(box.rowSeparator)) }
      lines += cells(row, vertical: box.vertical)
    }
    lines.append(border(box.bottom))
    return lines
  }

  /// The characters of one kind of horizontal rule: left end, line, crossing, right end.
  struct Rule {
    let left: String, line: String, middle: String, right: String
  }

  /// The characters of a whole table.
  struct Borders {
    let top: Rule, headerSeparator: Rule, rowSeparator: Rule, bottom: Rule
    let headerVertical: String, vertical: String

    static let unicode = Borders(
      top: Rule(left: "┏", line: "━", middle: "┳", right: "┓"),
      headerSeparator: Rule(left: "┡", line: "━", middle: "╇", right: "┩"),
      rowSeparator: Rule(left: "├", line: "─", middle: "┼", right: "┤"),
      bottom: Rule(left: "└", line: "─", middle: "┴", right: "┘"), headerVertical: "┃", vertical: "│")

    static let ascii = Borders(
      top: Rule(left: "+", line: "=", middle: "+", right: "+"),
      headerSeparator: Rule(left: "+", line: "=", middle: "+", right: "+"),
      rowSeparator: Rule(left: "+", line: "-", middle: "+", right: "+"),
      bottom: Rule(left: "+", line: "-", middle: "+", right: "+"), headerVertical: "|", vertical: "|")
  }

  private func border(_ rule: Rule) -> String {
    rule.left + cellWidths.map { String(repeating: rule.line, count: $0) }.joined(separator: rule.middle) + rule.right
  }

  /// The lines of one row: each cell's text wrapped to its width, shorter cells padded.
  private func cells(_ texts: [String], vertical: String) -> [String] {
    let wrapped = zip(texts, cellWidths).map { text, width in
      let lines = TextLayout.wrapped(text, width: width - 2)
      return lines.isEmpty ? [""] : lines
    }
    let height = wrapped.map(\.count).max() ?? 1
    return (0..<height).map { line in
      let parts = wrapped.indices.map { column -> String in
        let text = line < wrapped[column].count ? wrapped[column][line] : ""
        let space = String(repeating: " ", count: Swift.max(0, cellWidths[column] - 2 - TextLayout.visibleWidth(text)))
        return " " + (columns[column].isRightAligned ? space + text : text + space) + " "
      }
      return vertical + parts.joined(separator: vertical) + vertical
    }
  }
}
