extension Histogram {
  /// Returns the histogram as a standalone SVG drawing, the usual way up: a column per bin over
  /// a value axis with its edges labelled, a count axis with round ticks, and how many values
  /// were counted as a caption.
  ///
  ///     try before.svg().write(to: "pixels-before.svg")
  public func svg(title: String? = nil) -> SVGDocument {
    Histogram.svg([self], title: title ?? self.title ?? "Histogram")
  }

  /// Returns several histograms side by side in one SVG drawing, such as pixel values before and
  /// after rescaling, each under its own title.
  public static func svg(_ histograms: [Histogram], title: String) -> SVGDocument {
    let panelWidth = 480.0
    var document = SVGDocument(width: panelWidth * Double(Swift.max(1, histograms.count)), height: 380, title: title)
    for (index, histogram) in histograms.enumerated() {
      histogram.draw(
        in: &document, frame: SVGFrame(x: Double(index) * panelWidth, y: 0, width: panelWidth, height: 380))
    }
    return document
  }

  /// Draws the histogram into `frame` of an existing drawing.
  func draw(in document: inout SVGDocument, frame: SVGFrame) {
    if let title {
      document.text(title, x: frame.x + frame.width / 2, y: frame.y + 24, size: 15, anchor: .middle, bold: true)
    }
    let largest = Swift.max(1, counts.max() ?? 0)
    let ticks = AxisTicks(from: 0, to: Double(largest), maximumCount: 5)
    let labelWidth = Double(ticks.values.map { ticks.label($0).count }.max() ?? 1) * 6.6
    let left = frame.x + 30 + labelWidth
    let right = frame.x + frame.width - 20
    let top = frame.y + 44
    let bottom = frame.y + frame.height - 64
    let binWidth = (right - left) / Double(counts.count)
    func y(_ count: Double) -> Double { bottom - count / Double(largest) * (bottom - top) }

    for tick in ticks.values {
      document.line(x1: left, y1: y(tick), x2: right, y2: y(tick), stroke: RGBColor(gray: 232))
      document.text(ticks.label(tick), x: left - 6, y: y(tick) + 4, size: 11, anchor: .end, fill: Palette.axis)
    }
    for (index, count) in counts.enumerated() {
      let x = left + Double(index) * binWidth
      document.rect(
        x: x, y: y(Double(count)), width: binWidth, height: bottom - y(Double(count)), fill: Palette.training,
        stroke: .white)
    }
    document.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.axis)
    document.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Palette.axis)
    let labelStride = Swift.max(
      1, Int((Double((edges.map { edgeLabel($0).count }.max() ?? 1) + 2) * 6.6 / binWidth).rounded(.up)))
    for (index, edge) in edges.enumerated() where index % labelStride == 0 || index == edges.count - 1 {
      let x = left + Double(index) * binWidth
      document.line(x1: x, y1: bottom, x2: x, y2: bottom + 4, stroke: Palette.axis)
      document.text(edgeLabel(edge), x: x, y: bottom + 17, size: 11, anchor: .middle, fill: Palette.axis)
    }
    document.text("value", x: (left + right) / 2, y: bottom + 34, size: 12, anchor: .middle)
    document.text("count", x: frame.x + 8, y: top - 10, size: 12)
    document.text(description, x: frame.x + 8, y: frame.y + frame.height - 10, size: 12)
  }
}
