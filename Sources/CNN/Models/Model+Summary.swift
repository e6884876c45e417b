import Foundation

extension Model {
  /// Prints a table of the model's layers, the shape of each layer's output and its number of
  /// parameters, then the totals: Keras 3's `model.summary()`, drawn the same way.
  ///
  /// - Parameter lineLength: the table's width; by default Keras's rule, the smaller of 88 and the
  ///   terminal's width minus 4.
  public func summary(lineLength: Int? = nil) {
    let output = TrainingOutput.current
    output.write(summaryText(lineLength: lineLength ?? Swift.min(88, output.columns - 4)))
  }

  /// Returns the text `summary()` prints, for a table `lineLength` characters wide.
  public func summaryText(lineLength: Int = 76) -> String {
    let rows = layers.map { layer -> [String] in
      let shape = layer.outputShape.map(ShapeNotation.batched) ?? "?"
      let parameters = layer.isBuilt ? Model.grouped(layer.parameterCount) : "0 (unbuilt)"
      return ["\(layer.name) (\(layer.className))", shape, parameters]
    }
    let table = SummaryTable(
      headers: ["Layer (type)", "Output Shape", "Param #"], rightAligned: [false, false, true],
      positions: [0.45, 0.80, 1.0], lineLength: lineLength)
    let trainable = trainableVariables.reduce(0) { $0 + $1.value.scalarCount }
    let frozen = parameterCount - trainable
    let optimizerCount = optimizer?.parameterCount ?? 0
    let optimizerBytes = optimizer?.parameterBytes ?? 0
    var text = "Model: \"\(name)\"\n" + table.render(rows)
    text +=
      " Total params: \(Model.grouped(parameterCount + optimizerCount)) "
      + "(\(Model.readableSize(4 * parameterCount + optimizerBytes)))\n"
    text += " Trainable params: \(Model.grouped(trainable)) (\(Model.readableSize(4 * trainable)))\n"
    text += " Non-trainable params: \(Model.grouped(frozen)) (\(Model.readableSize(4 * frozen)))\n"
    if optimizer?.isBuilt == true {
      text += " Optimizer params: \(Model.grouped(optimizerCount)) (\(Model.readableSize(optimizerBytes)))\n"
    }
    return text
  }

  /// `18453` → `18,453`, as Python's `f"{n:,}"`.
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number.magnitude))
    var result = ""
    for (i, digit) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return (number < 0 ? "-" : "") + result
  }

  /// `73812` → `72.08 KB`: bytes in the largest unit (B, KB, MB…, steps of 1024) below 1024.
  static func readableSize(_ bytes: Int) -> String {
    var size = Double(bytes)
    for unit in ["B", "KB", "MB", "GB", "TB"] {
      if size / 1024 < 1 { return String(format: "%.2f %@", size, unit) }
      size /= 1024
    }
    return String(format: "%.2f PB", size)
  }
}

/// A table drawn with box characters as the `rich` library draws Keras's summary: a heavy header,
/// a line between rows, text wrapped inside its cell.
struct SummaryTable {
  let headers: [String]
  let rightAligned: [Bool]
  /// The width of each cell, padding included, borders excluded.
  let cellWidths: [Int]

  /// Lays out columns whose right edges sit at `positions` (fractions of `lineLength`), then
  /// shrinks them to fit the line, borders and padding included, as `rich` does: the excess is
  /// taken from the columns in turn, each giving its share rounded half to even.
  init(headers: [String], rightAligned: [Bool], positions: [Double], lineLength: Int) {
    self.headers = headers
    self.rightAligned = rightAligned
    var widths: [Int] = []
    var current = 0
    for position in positions {
      let width = Int(position * Double(lineLength)) - current
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

  func render(_ rows: [[String]]) -> String {
    var lines = [border("┏", "━", "┳", "┓")]
    lines += cells(headers, vertical: "┃")
    lines.append(border("┡", "━", "╇", "┩"))
    for (index, row) in rows.enumerated() {
      if index > 0 { lines.append(border("├", "─", "┼", "┤")) }
      lines += cells(row, vertical: "│")
    }
    lines.append(border("└", "─", "┴", "┘"))
    return lines.joined(separator: "\n") + "\n"
  }

  private func border(_ left: String, _ line: String, _ middle: String, _ right: String) -> String {
    left + cellWidths.map { String(repeating: line, count: $0) }.joined(separator: middle) + right
  }

  /// The lines of one row: each cell's text wrapped to its width, shorter cells padded.
  private func cells(_ texts: [String], vertical: String) -> [String] {
    let wrapped = zip(texts, cellWidths).map { SummaryTable.wrap($0, width: $1 - 2) }
    let height = wrapped.map(\.count).max() ?? 1
    return (0..<height).map { line in
      let parts = wrapped.indices.map { column -> String in
        let text = line < wrapped[column].count ? wrapped[column][line] : ""
        let space = String(repeating: " ", count: Swift.max(0, cellWidths[column] - 2 - text.count))
        return " " + (rightAligned[column] ? space + text : text + space) + " "
      }
      return vertical + parts.joined(separator: vertical) + vertical
    }
  }

  /// Splits `text` into lines of at most `width` characters at spaces, cutting words that are
  /// longer than a line.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ").map(String.init) {
      var word = word
      if !current.isEmpty && current.count + 1 + word.count <= width {
        current += " " + word
        continue
      }
      if !current.isEmpty { lines.append(current) }
      while word.count > width {
        lines.append(String(word.prefix(width)))
        word = String(word.dropFirst(width))
      }
      current = word
    }
    lines.append(current)
    return lines
  }
}
