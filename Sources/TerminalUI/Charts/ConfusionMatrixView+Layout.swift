/// The table of a confusion matrix laid out for one width: which labels head the rows and
/// columns (full names, shortened ones or numbers), how wide each column is, and whether the
/// recall column fits.
///
///     predicted →                     (centred over the counts)
///     true ↓    airplane  bird …  │ total  recall
///     airplane      [38]     3 …  │    50   76.0%
///     ─────────────────────────── ┼ ─────────────
///     total           50    44 …  │   250
struct ConfusionLayout {
  let view: ConfusionMatrixView
  /// The labels heading the rows and the columns.
  let shortLabels: [String]
  let showsRecall: Bool
  /// Digits of the largest count in the matrix.
  let digits: Int
  let rowLabelWidth: Int
  let cellWidth: Int
  let totalWidth: Int

  static let recallWidth = 6  // "100.0%" and "recall"

  init(view: ConfusionMatrixView, shortLabels: [String], showsRecall: Bool) {
    self.view = view
    self.shortLabels = shortLabels
    self.showsRecall = showsRecall
    let longest = shortLabels.map(\.count).max() ?? 1
    digits = String(view.matrix.joined().max() ?? 0).count
    rowLabelWidth = Swift.max(6, longest)
    cellWidth = Swift.max(digits + 2, longest)
    totalWidth = Swift.max(5, String(view.total).count)
  }

  /// The widest line of the table.
  var width: Int {
    rowLabelWidth + shortLabels.count * (cellWidth + 1) + 3 + totalWidth + (showsRecall ? 2 + Self.recallWidth : 0)
  }

  /// The first layout, from most to least readable, that fits `width`: full names, then ever
  /// shorter prefixes (down to 3 characters, while they stay distinct), then numbers; recall
  /// is dropped before falling back to numbers. Nil when even numbers don't fit.
  static func fitting(_ view: ConfusionMatrixView, width: Int) -> ConfusionLayout? {
    let longest = view.labels.map(\.count).max() ?? 1
    var candidates: [ConfusionLayout] = []
    for showsRecall in view.showsRecall ? [true, false] : [false] {
      for length in stride(from: longest, through: Swift.min(3, longest), by: -1) {
        let prefixes = view.labels.map { String($0.prefix(length)) }
        guard Set(prefixes).count == prefixes.count else { break }
        candidates.append(ConfusionLayout(view: view, shortLabels: prefixes, showsRecall: showsRecall))
      }
    }
    let numbers = view.labels.indices.map { String($0 + 1) }
    candidates.append(ConfusionLayout(view: view, shortLabels: numbers, showsRecall: false))
    return candidates.first { $0.width <= width }
  }

  /// The header, one line per true class, a rule, and the totals.
  func table(_ capabilities: TerminalCapabilities) -> [String] {
    let classes = view.labels.indices
    let countsWidth = shortLabels.count * (cellWidth + 1) - 1
    let bar = ANSI.styled("│", Palette.axis, capabilities)
    let predictedHeading = countsWidth >= 11 ? "predicted →" : "pred →"
    let recallHeading = showsRecall ? "  " + TextLayout.padded("recall", to: Self.recallWidth, rightAligned: true) : ""
    var lines = [
      String(repeating: " ", count: rowLabelWidth + 1 + Swift.max(0, countsWidth - predictedHeading.count) / 2)
        + ANSI.styled(predictedHeading, nil, bold: true, capabilities),
      ANSI.styled("true ↓", nil, bold: true, capabilities) + String(repeating: " ", count: rowLabelWidth - 6)
        + classes.map { " " + TextLayout.padded(shortLabels[$0], to: cellWidth, rightAligned: true) }.joined()
        + " \(bar) " + TextLayout.padded("total", to: totalWidth, rightAligned: true) + recallHeading,
    ]
    for row in classes {
      var line = TextLayout.padded(shortLabels[row], to: rowLabelWidth)
      for column in classes {
        line += " " + tinted(cell(row, column), tint: view.tint(row, column), bold: row == column, capabilities)
      }
      line += " \(bar) " + TextLayout.padded(String(view.rowTotals[row]), to: totalWidth, rightAligned: true)
      if showsRecall {
        let recall = view.recall(row).map(TextLayout.percent) ?? "–"
        line += "  " + TextLayout.padded(recall, to: Self.recallWidth, rightAligned: true)
      }
      lines.append(line)
    }
    let rule =
      String(repeating: "─", count: rowLabelWidth + 1 + countsWidth + 1) + "┼"
      + String(repeating: "─", count: 1 + totalWidth + (showsRecall ? 2 + Self.recallWidth : 0))
    lines.append(ANSI.styled(rule, Palette.axis, capabilities))
    let columnTotals = view.columnTotals.map {
      " " + TextLayout.padded(String($0), to: cellWidth - 1, rightAligned: true) + " "
    }
    lines.append(
      TextLayout.padded("total", to: rowLabelWidth) + columnTotals.joined() + " \(bar) "
        + TextLayout.padded(String(view.total), to: totalWidth, rightAligned: true))
    return lines
  }

  /// What each shortened label stands for, when any was shortened.
  func key(width: Int) -> [String] {
    let pairs = view.labels.indices.filter { shortLabels[$0] != view.labels[$0] }
      .map { "\(shortLabels[$0]) = \(view.labels[$0])" }
    return pairs.isEmpty ? [] : TextLayout.wrapped("Key: " + pairs.joined(separator: ", "), width: width)
  }

  /// A count right-aligned in its column, bracketed on the diagonal, digits lined up either way.
  private func cell(_ row: Int, _ column: Int) -> String {
    let number = TextLayout.padded(String(view.matrix[row][column]), to: digits, rightAligned: true)
    let text = row == column ? "[\(number)]" : " \(number) "
    return TextLayout.padded(text, to: cellWidth, rightAligned: true)
  }

  /// A cell on its tint, in black or white, whichever reads better, when there is colour.
  private func tinted(_ text: String, tint: RGBColor?, bold: Bool, _ capabilities: TerminalCapabilities) -> String {
    guard capabilities.colors != .none, let tint else { return ANSI.styled(text, nil, bold: bold, capabilities) }
    let ink: RGBColor = tint.luminance > 127 ? .black : .white
    return (bold ? "\u{1B}[1m" : "") + ANSI.background(tint.red, tint.green, tint.blue, capabilities.colors)
      + ANSI.foreground(ink.red, ink.green, ink.blue, capabilities.colors) + text + ANSI.reset
  }
}
