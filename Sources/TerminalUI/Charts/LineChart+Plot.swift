extension LineChart {
  /// The plot's cells: each series traced dot by dot between its epochs, in Braille where the
  /// terminal shows Unicode and in ASCII strokes and markers otherwise, then the highlight.
  func plotCanvas(_ plot: PlotArea, _ capabilities: TerminalCapabilities) -> LineCanvas {
    var canvas = LineCanvas(rows: plot.rows, columns: plot.columns)
    if capabilities.usesUnicode {
      drawDots(into: &canvas, plot)
    } else {
      drawCharacters(into: &canvas, plot)
    }
    if let point = highlightedPoint(ChartGlyphs.for(capabilities)) {
      // In Braille the triangle points at the dot from the next row, above a lowest point and
      // below a highest one, so that the dots of the point itself stay visible.
      var row = plot.row(of: point.value)
      if capabilities.usesUnicode {
        let beside = row + (highlight?.isMinimum == true ? 1 : -1)
        if (0..<plot.rows).contains(beside) { row = beside }
      }
      canvas[row, plot.column(ofEpoch: point.epoch)] = .init(point.glyph, series[point.series].color, bold: true)
    }
    return canvas
  }

  /// Draws every series in Braille dots: a solid line keeps every dot of its path, a dashed one
  /// every other dot and always its ends, the points at epochs.
  private func drawDots(into canvas: inout LineCanvas, _ plot: PlotArea) {
    var dots = BrailleCanvas(rows: plot.rows, columns: plot.columns)
    for line in series {
      for path in paths(of: line.values, in: plot) {
        for (index, dot) in path.enumerated()
        where line.style == .solid || index % 2 == 0 || index == path.count - 1 {
          dots.setDot(x: dot.x, y: dot.y, color: line.color)
        }
      }
    }
    for row in 0..<plot.rows {
      for column in 0..<plot.columns {
        guard let character = dots.character(row: row, column: column) else { continue }
        canvas[row, column] = .init(character, dots.color(row: row, column: column))
      }
    }
  }

  /// Draws every series in ASCII: its path in one stroke character per segment, then, when
  /// epochs are far enough apart, a marker at each epoch.
  private func drawCharacters(into canvas: inout LineCanvas, _ plot: PlotArea) {
    for line in series {
      for path in paths(of: line.values, in: plot) {
        let stroke = Self.stroke(of: path, style: line.style)
        for dot in path { canvas[dot.y, dot.x] = .init(stroke, line.color) }
      }
    }
    guard plot.hasRoomForMarkers else { return }
    for (index, line) in series.enumerated() {
      for (epoch, value) in line.values.enumerated() where value.isFinite {
        canvas[plot.row(of: value), plot.column(ofEpoch: epoch)] = .init(asciiMarker(ofSeriesAt: index), line.color)
      }
    }
  }

  /// The marker of the series at `index` in a character plot: its own marker when that is ASCII,
  /// otherwise `*`, `o`, `+` or `x` by its place among the series.
  func asciiMarker(ofSeriesAt index: Int) -> Character {
    let marker = series[index].marker
    return marker.isASCII ? marker : ["*", "o", "+", "x"][index % 4]
  }

  /// The dots of a series: one path from each epoch's point to the next's where both are finite,
  /// and a lone dot for a finite value between two that are not.
  private func paths(of values: [Double], in plot: PlotArea) -> [[(x: Int, y: Int)]] {
    var paths: [[(x: Int, y: Int)]] = []
    for (epoch, value) in values.enumerated() where value.isFinite {
      let start = (x: plot.dotX(ofEpoch: epoch), y: plot.dotY(of: value))
      if epoch + 1 < values.count, values[epoch + 1].isFinite {
        let end = (x: plot.dotX(ofEpoch: epoch + 1), y: plot.dotY(of: values[epoch + 1]))
        paths.append(Self.line(from: start, to: end))
      } else if epoch == 0 || !values[epoch - 1].isFinite {
        paths.append([start])
      }
    }
    return paths
  }

  /// The dots of a straight line from `start` to `end`, both included, one step at a time in
  /// the longer direction (Bresenham's algorithm), so that neighbouring dots touch.
  static func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int)) -> [(x: Int, y: Int)] {
    let (dx, dy) = (abs(end.x - start.x), -abs(end.y - start.y))
    let (stepX, stepY) = (end.x >= start.x ? 1 : -1, end.y >= start.y ? 1 : -1)
    var (x, y, error) = (start.x, start.y, dx + dy)
    var dots = [(x: x, y: y)]
    while x != end.x || y != end.y {
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
      dots.append((x, y))
    }
    return dots
  }

  /// The ASCII character a path is drawn with: `.` for a dashed line; for a solid one `-`, `/`,
  /// `\` or `|` as the path is flat, rising, falling or steep.
  private static func stroke(of path: [(x: Int, y: Int)], style: LineStyle) -> Character {
    guard style == .solid else { return "." }
    guard let first = path.first, let last = path.last else { return "-" }
    let (across, up) = (Double(last.x - first.x), Double(last.y - first.y))
    if abs(up) * 2 <= across { return "-" }
    if abs(up) > across * 2 { return "|" }
    return up > 0 ? "/" : "\\"
  }
}
