extension LineChart {
  /// Returns the chart as a standalone SVG drawing: axes with round ticks and epoch numbers, one
  /// line per series (dashed series dashed), a dot at each epoch, the legend, and the highlight
  /// marked on its point and named in the legend.
  ///
  ///     try chart.svg(title: "cifar_model_intro: loss").write(to: "loss.svg")
  public func svg(title: String? = nil, width: Double = 640, height: Double = 400) -> SVGDocument {
    var document = SVGDocument(width: width, height: height, title: title ?? self.title ?? "Line chart")
    draw(in: &document, frame: SVGFrame(x: 0, y: 0, width: width, height: height), heading: title ?? self.title)
    return document
  }

  /// Draws the chart into `frame` of an existing drawing, so several charts can share one figure.
  func draw(in document: inout SVGDocument, frame: SVGFrame, heading: String?) {
    if let heading {
      document.text(heading, x: frame.x + frame.width / 2, y: frame.y + 20, size: 15, anchor: .middle, bold: true)
    }
    guard let range = AxisTicks.range(of: series.map(\.values)) else {
      document.text("no values to plot", x: frame.x + frame.width / 2, y: frame.y + frame.height / 2, anchor: .middle)
      return
    }
    let padding = (range.upper - range.lower) * 0.05
    let (lower, upper) = (range.lower - padding, range.upper + padding)
    let top = frame.y + 58
    let bottom = frame.y + frame.height - 44
    let ticks = AxisTicks(from: lower, to: upper, maximumCount: Swift.max(2, Int((bottom - top) / 40)))
    let labelWidth = Double(ticks.values.map { ticks.label($0).count }.max() ?? 1) * 6.6
    let left = frame.x + 18 + labelWidth
    let right = frame.x + frame.width - 16
    func y(_ value: Double) -> Double { bottom - (value - lower) / (upper - lower) * (bottom - top) }
    func x(_ epoch: Int) -> Double {
      epochCount > 1 ? left + 10 + Double(epoch) * (right - left - 20) / Double(epochCount - 1) : (left + right) / 2
    }

    for tick in ticks.values {
      document.line(x1: left, y1: y(tick), x2: right, y2: y(tick), stroke: RGBColor(gray: 232))
      document.text(ticks.label(tick), x: left - 6, y: y(tick) + 4, size: 11, anchor: .end, fill: Palette.axis)
    }
    document.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.axis)
    document.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Palette.axis)
    let epochStride =
      [1, 2, 5, 10, 20, 50, 100, 200, 500].first {
        Double($0) * (right - left) / Double(Swift.max(1, epochCount)) >= 24
      } ?? epochCount
    for epoch in 0..<epochCount where epoch == 0 || (epoch + 1) % epochStride == 0 {
      document.line(x1: x(epoch), y1: bottom, x2: x(epoch), y2: bottom + 4, stroke: Palette.axis)
      document.text(String(epoch + 1), x: x(epoch), y: bottom + 17, size: 11, anchor: .middle, fill: Palette.axis)
    }
    document.text(xLabel, x: (left + right) / 2, y: bottom + 35, size: 12, anchor: .middle)

    for line in series {
      let dash: [Double] = line.style == .dashed ? [6, 4] : []
      for run in finiteRuns(of: line.values) where run.count > 1 {
        document.polyline(
          points: run.map { (x($0), y(line.values[$0])) }, stroke: line.color, strokeWidth: 2, dash: dash)
      }
      if epochCount <= 40 {
        for (epoch, value) in line.values.enumerated() where value.isFinite {
          document.circle(cx: x(epoch), cy: y(value), radius: 3, fill: line.color)
        }
      }
    }
    if let point = highlightedPoint() {
      let colour = series[point.series].color
      let offset = point.glyph == "▼" ? -8.0 : 18.0
      document.circle(cx: x(point.epoch), cy: y(point.value), radius: 5, fill: colour)
      document.text(
        String(point.glyph), x: x(point.epoch), y: y(point.value) + offset, size: 13, anchor: .middle, fill: colour)
    }
    drawLegend(in: &document, x: left, y: frame.y + 42)
  }

  /// The legend on one row: a short stretch of each series' line with its name, then the
  /// highlight's note.
  private func drawLegend(in document: inout SVGDocument, x: Double, y: Double) {
    var cursor = x
    for line in series where !line.values.isEmpty {
      let dash: [Double] = line.style == .dashed ? [6, 4] : []
      document.line(x1: cursor, y1: y - 4, x2: cursor + 26, y2: y - 4, stroke: line.color, strokeWidth: 2, dash: dash)
      document.circle(cx: cursor + 13, cy: y - 4, radius: 3, fill: line.color)
      document.text(line.name, x: cursor + 32, y: y, size: 12)
      cursor += 32 + Double(line.name.count) * 7 + 18
    }
    if let point = highlightedPoint() {
      document.text("\(point.glyph) \(point.note)", x: cursor, y: y, size: 12, fill: series[point.series].color)
    }
  }

  /// The epochs of each stretch of consecutive finite values, so a gap breaks the line.
  private func finiteRuns(of values: [Double]) -> [[Int]] {
    var runs: [[Int]] = [[]]
    for (epoch, value) in values.enumerated() {
      if value.isFinite {
        runs[runs.count - 1].append(epoch)
      } else if !runs[runs.count - 1].isEmpty {
        runs.append([])
      }
    }
    return runs.filter { !$0.isEmpty }
  }
}

/// A rectangle of a drawing that one chart draws into.
struct SVGFrame {
  var x: Double
  var y: Double
  var width: Double
  var height: Double
}
