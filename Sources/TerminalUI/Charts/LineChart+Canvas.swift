/// Where things go in a line chart's plot: which dot a value falls on and which column an epoch
/// sits in. A cell holds `dotsAcross` by `dotsDown` dots (2 by 4 in Braille, 1 by 1 when drawn in
/// characters); dot row 0 is the bottom. Epoch 0 (labelled 1) is column 0 and the last epoch is
/// the last column, the others spread evenly between; an epoch's point is the left dot of its
/// column. A tick's value falls on the dot half way up its row (rounded up), and values between
/// ticks are placed linearly, rounded to the nearest dot.
struct PlotArea {
  let scale: RowScale
  /// The plot's text rows: the scale's, and any added above its top tick.
  let rows: Int
  let columns: Int
  let epochs: Int
  let dotsAcross: Int
  let dotsDown: Int

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

  /// The dot column of an epoch's point: the left dot of its column.
  func dotX(ofEpoch epoch: Int) -> Int {
    column(ofEpoch: epoch) * dotsAcross
  }

  /// The dot row a value falls on, 0 at the bottom, kept inside the plot.
  func dotY(of value: Double) -> Int {
    let dotsPerStep = Double(dotsDown * scale.rowsPerStep)
    let exact = Double(dotsDown / 2) + (value - scale.lower) / scale.ticks.step * dotsPerStep
    guard exact.isFinite else { return 0 }
    return Int(Swift.min(Double(rows * dotsDown - 1), Swift.max(0, exact.rounded())))
  }

  /// The text row a value falls on, 0 at the bottom.
  func row(of value: Double) -> Int {
    dotY(of: value) / dotsDown
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

/// The plot's characters, each with an optional colour: Braille cells or ASCII strokes, markers
/// and the highlight's triangle.
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
