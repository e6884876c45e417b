/// Where things go in a line chart's plot: which text row a value falls on and which column an
/// epoch sits in. Row 0 is the bottom; epoch 0 (labelled 1) is column 0 and the last epoch is the
/// last column, the others spread evenly between.
struct PlotArea {
  let rows: Int
  let columns: Int
  let epochs: Int
  let lower: Double
  let upper: Double

  /// Columns from one epoch to the next.
  var spacing: Double {
    epochs > 1 ? Double(columns - 1) / Double(epochs - 1) : Double(columns)
  }

  /// Whether epochs are far enough apart (3 columns) for a marker at each one to leave the line
  /// visible between them.
  var hasRoomForMarkers: Bool { spacing >= 3 }

  /// The column of an epoch (0-based).
  func column(ofEpoch epoch: Int) -> Int {
    epochs > 1 ? Swift.min(columns - 1, Int((Double(epoch) * spacing).rounded())) : 0
  }

  /// The row a value falls on, the range mapped linearly onto the rows and rounded to the nearest.
  func row(of value: Double) -> Int {
    let fraction = upper > lower ? (value - lower) / (upper - lower) : 0.5
    return Swift.min(rows - 1, Swift.max(0, Int((fraction * Double(rows - 1)).rounded())))
  }

  /// The epochs to number under the axis and the column each number starts in. Numbers go at
  /// epoch 1 and every multiple of a round stride (1, 2, 5, 10, 20, 50, …) wide enough that
  /// they don't touch; the last epoch is always numbered, dropping its neighbour if they'd touch.
  func labelledEpochs() -> [(epoch: Int, start: Int)] {
    guard epochs > 0 else { return [] }
    let widest = String(epochs).count
    let needed = Double(widest + 1) / Swift.max(spacing, 0.001)
    let stride = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].first { Double($0) >= needed } ?? epochs
    var candidates = [0] + Swift.stride(from: stride - 1, to: epochs, by: stride).filter { $0 > 0 }
    if candidates.last != epochs - 1 { candidates.append(epochs - 1) }
    var placed: [(epoch: Int, start: Int)] = []
    func touches(_ start: Int) -> Bool {
      guard let previous = placed.last else { return false }
      return previous.start + String(previous.epoch + 1).count >= start
    }
    for epoch in candidates {
      let length = String(epoch + 1).count
      let start = Swift.min(Swift.max(0, column(ofEpoch: epoch) - (length - 1) / 2), Swift.max(0, columns - length))
      if epoch == epochs - 1 {
        while touches(start) { placed.removeLast() }
      } else if touches(start) {
        continue
      }
      placed.append((epoch, start))
    }
    return placed
  }
}

/// The plot's characters, each with an optional colour, written one series at a time.
struct LineCanvas {
  struct Cell {
    var glyph: Character
    var color: RGBColor?
    var bold = false

    init(_ glyph: Character, _ color: RGBColor?, bold: Bool = false) {
      self.glyph = glyph
      self.color = color
      self.bold = bold
    }
  }

  private var cells: [[Cell]]

  init(rows: Int, columns: Int) {
    cells = Array(repeating: Array(repeating: Cell(" ", nil), count: columns), count: rows)
  }

  /// The cell at a row (0 at the bottom) and column.
  subscript(row: Int, column: Int) -> Cell {
    get { cells[row][column] }
    set { cells[row][column] = newValue }
  }

  /// Draws a series as asciichart does: each column holds the step from its value to the next
  /// column's, as a horizontal stroke when they share a row, otherwise as two corners joined by a
  /// vertical stroke. Between epochs the value is interpolated linearly, so the line slopes
  /// smoothly across the columns.
  mutating func draw(_ series: LineChart.Series, in plot: PlotArea) {
    let (horizontal, vertical): (Character, Character) = series.style == .solid ? ("─", "│") : ("╌", "╎")
    let rowByColumn = rows(of: series.values, in: plot)
    for column in 0..<plot.columns {
      guard let here = rowByColumn[column] else { continue }
      let next = (column + 1 < plot.columns ? rowByColumn[column + 1] : nil) ?? here
      if next == here {
        self[here, column] = Cell(horizontal, series.color)
        continue
      }
      let falling = next < here
      self[here, column] = Cell(falling ? "╮" : "╯", series.color)
      self[next, column] = Cell(falling ? "╰" : "╭", series.color)
      for row in (Swift.min(here, next) + 1)..<Swift.max(here, next) {
        self[row, column] = Cell(vertical, series.color)
      }
    }
  }

  /// The row of the line in each column, interpolated between neighbouring finite values; nil
  /// where the series has no value (past its end, or next to a value that is not finite).
  private func rows(of values: [Double], in plot: PlotArea) -> [Int?] {
    var result = [Int?](repeating: nil, count: plot.columns)
    for (epoch, value) in values.enumerated() where value.isFinite {
      let start = plot.column(ofEpoch: epoch)
      result[start] = plot.row(of: value)
      guard epoch + 1 < values.count, values[epoch + 1].isFinite else { continue }
      let end = plot.column(ofEpoch: epoch + 1)
      guard end > start else { continue }
      for column in start...end {
        let fraction = Double(column - start) / Double(end - start)
        result[column] = plot.row(of: value + fraction * (values[epoch + 1] - value))
      }
    }
    return result
  }

  /// One row as text: runs of cells that share a colour are styled together, blanks are never
  /// styled, and blanks at the end are dropped.
  func text(row: Int, _ capabilities: TerminalCapabilities) -> String {
    let line = cells[row]
    let end = (line.lastIndex { $0.glyph != " " } ?? -1) + 1
    var text = ""
    var start = 0
    while start < end {
      var stop = start + 1
      while stop < end, line[stop].color == line[start].color, line[stop].bold == line[start].bold,
        line[stop].glyph != " "
      {
        stop += 1
      }
      let run = String(line[start..<stop].map(\.glyph))
      text += line[start].glyph == " " ? run : ANSI.styled(run, line[start].color, bold: line[start].bold, capabilities)
      start = stop
    }
    return text
  }
}
