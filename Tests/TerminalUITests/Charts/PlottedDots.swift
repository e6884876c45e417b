/// A line chart's plot read back from its printed lines, as a learner's eye reads it: the Braille
/// dots that are set, the dot column of each epoch's tick on the x axis, and the labelled y ticks.
///
/// Dot coordinates count from the plot's bottom-left dot: `x` across (two dots a cell), `y` up
/// (four dots a row). It reads plain text (no escape codes) drawn with Unicode.
struct PlottedDots {
  /// A dot of the plot.
  struct Dot: Hashable {
    let x: Int
    let y: Int
  }

  /// Every set dot.
  let dots: Set<Dot>
  /// The dot column of each `┬` on the x axis, from left to right.
  let epochColumns: [Int]
  /// Each labelled tick's row (0 at the bottom) and label, from the bottom up.
  let ticks: [(row: Int, label: String)]
  /// The plot's text rows.
  let rows: Int

  /// Reads the chart whose lines are `lines`; nil when they hold no plot (no `└` axis line).
  init?(lines: [String]) {
    guard let axisIndex = lines.firstIndex(where: { $0.contains("└") }) else { return nil }
    var plotLines: [[Character]] = []
    var index = axisIndex - 1
    while index >= 0, lines[index].contains("┤") || lines[index].contains("│") {
      plotLines.insert(Array(lines[index]), at: 0)
      index -= 1
    }
    rows = plotLines.count
    var dots = Set<Dot>()
    var ticks: [(row: Int, label: String)] = []
    for (lineIndex, line) in plotLines.enumerated() {
      let row = rows - 1 - lineIndex
      guard let axis = line.firstIndex(where: { $0 == "┤" || $0 == "│" }) else { continue }
      if line[axis] == "┤" {
        ticks.insert((row, String(line[..<axis]).trimmingSpaces), at: 0)
      }
      for (column, character) in line[(axis + 1)...].enumerated() {
        for dot in Self.dots(of: character) {
          dots.insert(Dot(x: column * 2 + dot.x, y: row * 4 + dot.y))
        }
      }
    }
    let axisLine = Array(lines[axisIndex])
    let corner = axisLine.firstIndex(of: "└") ?? 0
    epochColumns = axisLine[(corner + 1)...].enumerated().filter { $0.element == "┬" }.map { $0.offset * 2 }
    self.dots = dots
    self.ticks = ticks
  }

  /// The dots of one Braille character (U+2800 + bits), as offsets from its cell's bottom-left
  /// dot: bits 0x01, 0x02, 0x04, 0x40 are the left column from the top, 0x08, 0x10, 0x20, 0x80
  /// the right column (Unicode's dot numbering 1–8).
  static func dots(of character: Character) -> [(x: Int, y: Int)] {
    guard let scalar = character.unicodeScalars.first, (0x2800...0x28FF).contains(scalar.value) else { return [] }
    let bits = scalar.value - 0x2800
    let layout: [(bit: UInt32, x: Int, y: Int)] = [
      (0x01, 0, 3), (0x02, 0, 2), (0x04, 0, 1), (0x40, 0, 0),
      (0x08, 1, 3), (0x10, 1, 2), (0x20, 1, 1), (0x80, 1, 0),
    ]
    return layout.filter { bits & $0.bit != 0 }.map { ($0.x, $0.y) }
  }

  /// The height of the line at each epoch's tick: the middle of the set dots in that dot column,
  /// nil where the column has none.
  var heightsAtEpochs: [Double?] {
    epochColumns.map { column in
      let heights = dots.filter { $0.x == column }.map(\.y)
      guard let low = heights.min(), let high = heights.max() else { return nil }
      return Double(low + high) / 2
    }
  }

  /// The value one dot stands for, read from the lowest and highest tick labels and their rows;
  /// nil with fewer than two numeric ticks.
  var valuePerDot: Double? {
    guard let low = ticks.first, let high = ticks.last, high.row > low.row,
      let lowValue = Double(low.label), let highValue = Double(high.label)
    else { return nil }
    return (highValue - lowValue) / Double((high.row - low.row) * 4)
  }
}

extension String {
  /// The string without spaces at either end.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
