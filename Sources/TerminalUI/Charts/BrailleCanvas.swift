/// A grid of text cells drawn in Braille dots, two across and four down in each cell (U+2800 to
/// U+28FF), so that a line can be placed eight times finer than whole characters allow.
///
/// Dots are addressed from the bottom-left dot of the grid: `x` to the right, `y` up. A cell's
/// character is U+2800 plus one bit per set dot, Unicode's numbering: dots 1, 2, 3, 7 down the
/// left column are bits 0x01, 0x02, 0x04, 0x40, dots 4, 5, 6, 8 down the right are 0x08, 0x10,
/// 0x20, 0x80. Dots of several series in one cell merge, so each stays visible; a cell has one
/// colour, that of the last dot set in it.
///
///     var canvas = BrailleCanvas(rows: 1, columns: 1)
///     canvas.setDot(x: 0, y: 3, color: nil)       // top left: dot 1
///     canvas.setDot(x: 1, y: 0, color: nil)       // bottom right: dot 8
///     canvas.character(row: 0, column: 0)         // "⢁" (U+2881)
struct BrailleCanvas {
  /// Text rows, 0 at the bottom.
  let rows: Int
  /// Text columns.
  let columns: Int
  private var bits: [[UInt8]]
  private var colors: [[RGBColor?]]

  /// The bit of each dot of a cell, by column (left, right) and by row from the top.
  private static let bitOfDot: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  /// Creates an empty canvas of `rows` by `columns` cells.
  init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
    bits = Array(repeating: Array(repeating: 0, count: columns), count: rows)
    colors = Array(repeating: Array(repeating: nil, count: columns), count: rows)
  }

  /// Sets the dot at `x` (0 on the left) and `y` (0 at the bottom) and gives its cell `color`;
  /// a dot outside the canvas is ignored.
  mutating func setDot(x: Int, y: Int, color: RGBColor?) {
    guard x >= 0, y >= 0, x < columns * 2, y < rows * 4 else { return }
    let (row, column) = (y / 4, x / 2)
    bits[row][column] |= Self.bitOfDot[x % 2][3 - y % 4]
    colors[row][column] = color
  }

  /// The Braille character of a cell, or nil when none of its dots is set.
  func character(row: Int, column: Int) -> Character? {
    let pattern = bits[row][column]
    guard pattern != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(pattern)) else { return nil }
    return Character(scalar)
  }

  /// The colour of a cell: that of the last dot set in it.
  func color(row: Int, column: Int) -> RGBColor? {
    colors[row][column]
  }
}
