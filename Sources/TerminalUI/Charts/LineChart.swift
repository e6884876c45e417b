/// A line chart of one or more series over epochs: the terminal's version of the training-curve
/// plots in the Keras and Carpentries lessons.
///
/// It shows a y axis with round ticks, evenly spaced and each one labelled (see `RowScale`), an
/// x axis of epochs numbered from 1, one line per series and a legend naming each one. Where the
/// terminal shows Unicode the lines are drawn in Braille dots, two across and four down in each
/// character, so that a change of a few hundredths is visible over ten epochs in twelve rows; each
/// series is traced dot by dot from one epoch's point to the next. Series differ by more than
/// colour: a solid series is an unbroken line of dots (`⠒⠒⠒` in the legend), a dashed one keeps
/// every other dot (`⠂⠂⠂`). Where two series pass through one character their dots merge, so both
/// stay visible, and the character takes the colour of the series drawn later.
///
/// Without Unicode the chart is an ASCII character plot: a solid series is drawn with `-`, `/`,
/// `\` and `|`, a dashed one with `.`, each with a marker (`*`, `o`) at every epoch when there is
/// room; a later series covers an earlier one where they cross.
///
/// A highlight can mark the lowest (`▼`) or highest (`▲`) point of one series, with a note under
/// the chart such as "▼ lowest val_loss 0.95 at epoch 6". In Braille the triangle sits just above
/// a lowest point and just below a highest one, pointing at it.
///
///     let chart = LineChart(
///       title: "loss",
///       series: [
///         .init("loss", history.loss),
///         .init("val_loss", history.valLoss, color: Palette.validation, style: .dashed, marker: "o"),
///       ],
///       highlight: .minimum(of: "val_loss"))
///     for line in chart.lines(for: .standardOutput) { print(line) }
///
/// The chart is never wider than the capabilities allow. When even a small plot cannot fit, it
/// falls back to one line per series giving the first and last values.
public struct LineChart: Sendable {
  /// How a series' line is drawn.
  public enum LineStyle: Sendable {
    /// An unbroken line, as Keras plots training curves.
    case solid
    /// A broken line (every other dot in Braille, `.` in ASCII), as the lesson draws validation
    /// curves.
    case dashed
  }

  /// One named line: a value per epoch.
  public struct Series: Sendable {
    /// The name shown in the legend, such as `val_loss`.
    public let name: String
    /// One value per epoch; values that are not finite (a diverged loss) leave a gap.
    public let values: [Double]
    /// The line's colour when the terminal shows colour.
    public let color: RGBColor
    /// Solid or dashed.
    public let style: LineStyle
    /// The symbol drawn at each epoch's point in an ASCII plot; a marker that is not ASCII is
    /// replaced there by `*`, `o`, `+` or `x`, by the series' place. Braille plots draw the line
    /// alone.
    public let marker: Character

    /// Creates a series; by default a solid training-blue line with `*` markers.
    public init(
      _ name: String, _ values: [Double], color: RGBColor = Palette.training, style: LineStyle = .solid,
      marker: Character = "*"
    ) {
      self.name = name
      self.values = values
      self.color = color
      self.style = style
      self.marker = marker
    }
  }

  /// A point worth pointing at, named by series.
  public enum Highlight: Equatable, Sendable {
    /// The lowest value of the named series (first one if it repeats), marked `▼`.
    case minimum(of: String)
    /// The highest value of the named series (first one if it repeats), marked `▲`.
    case maximum(of: String)

    /// The name of the series it marks.
    var seriesName: String {
      switch self {
      case .minimum(let name), .maximum(let name): return name
      }
    }

    /// Whether it marks the lowest value rather than the highest.
    var isMinimum: Bool {
      if case .minimum = self { return true }
      return false
    }
  }

  /// A line above the chart, or nil for none.
  public let title: String?
  /// The lines, drawn in order (later ones on top where they cross).
  public let series: [Series]
  /// The point to mark, if any.
  public let highlight: Highlight?
  /// The most text rows the plot may take (at least 3). It takes fewer when round ticks on
  /// evenly spaced rows fit better in fewer.
  public let height: Int
  /// The most columns to use; nil means the capabilities' width.
  public let width: Int?
  /// The x axis's name, centred under it.
  public let xLabel: String
  /// The fewest rows to draw the plot in: rows beyond those its ticks take are added above the
  /// top tick, blank but for the y axis, so that two charts side by side share their x axis line.
  var minimumPlotRows = 0

  /// Creates a chart of `series` over epochs.
  public init(
    title: String? = nil, series: [Series], highlight: Highlight? = nil, height: Int = 10, width: Int? = nil,
    xLabel: String = "epoch"
  ) {
    self.title = title
    self.series = series
    self.highlight = highlight
    self.height = height
    self.width = width
    self.xLabel = xLabel
  }

  // MARK: - Terminal

  /// The lines to print, without trailing newlines, none wider than the capabilities' width (or
  /// `width`, if smaller).
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let totalWidth = Swift.max(1, Swift.min(width ?? capabilities.width, capabilities.width))
    let glyphs = ChartGlyphs.for(capabilities)
    var lines: [String] = []
    if let title {
      lines.append(ANSI.styled(TextLayout.truncated(title, to: totalWidth), nil, bold: true, capabilities))
    }
    guard let scale else { return lines + [TextLayout.truncated("(no values to plot)", to: totalWidth)] }
    let rows = Swift.max(scale.rows, minimumPlotRows)
    let labelWidth = scale.ticks.values.map { scale.ticks.label($0).count }.max() ?? 1
    let (across, down) = capabilities.usesUnicode ? (2, 4) : (1, 1)
    let plot = PlotArea(
      scale: scale, rows: rows, columns: totalWidth - labelWidth - 2, epochs: epochCount, dotsAcross: across,
      dotsDown: down)
    guard plot.columns >= 8 else { return lines + summaryLines(width: totalWidth, glyphs) }

    let canvas = plotCanvas(plot, capabilities)
    var tickLabels: [Int: String] = [:]
    for (index, value) in scale.ticks.values.enumerated() {
      tickLabels[scale.row(ofTick: index)] = scale.ticks.label(value)
    }
    for row in stride(from: plot.rows - 1, through: 0, by: -1) {
      let axis = tickLabels[row].map { TextLayout.padded($0, to: labelWidth, rightAligned: true) + " \(glyphs.tick)" }
      let axisText = axis ?? String(repeating: " ", count: labelWidth + 1) + String(glyphs.rule)
      lines.append(
        TextLayout.trimmed(ANSI.styled(axisText, Palette.axis, capabilities) + canvas.text(row: row, capabilities)))
    }
    lines += xAxisLines(plot, indent: labelWidth + 1, glyphs, capabilities)
    lines += TextLayout.flowed(legendItems(plot, width: totalWidth, glyphs, capabilities), width: totalWidth)
    return lines
  }

  // MARK: - Helpers

  /// The y axis: round ticks on evenly spaced rows around every finite value, in at most
  /// `height` rows; nil when there is nothing to plot.
  var scale: RowScale? {
    AxisTicks.range(of: series.map(\.values)).map {
      RowScale(lower: $0.lower, upper: $0.upper, maximumRows: height)
    }
  }

  /// The length of the longest series: the x axis runs over this many epochs.
  var epochCount: Int { series.map(\.values.count).max() ?? 0 }

  /// The point the highlight names, its glyph and the note that explains it; nil when there is no
  /// highlight, no series of that name, or no finite value in it.
  /// The note reads "lowest val_loss 0.95 at epoch 6" when it fits in `width` columns, else the
  /// shorter "val_loss 0.95, epoch 6", so that a chart beside another still names the epoch.
  func highlightedPoint(
    _ glyphs: ChartGlyphs = .unicode, noteWidth width: Int = .max
  ) -> (series: Int, epoch: Int, value: Double, glyph: Character, note: String)? {
    guard let highlight, let index = series.firstIndex(where: { $0.name == highlight.seriesName }) else { return nil }
    let isMinimum = highlight.isMinimum
    let finite = series[index].values.enumerated().filter { $0.element.isFinite }
    let best = isMinimum ? finite.min { $0.element < $1.element } : finite.max { $0.element < $1.element }
    guard let best else { return nil }
    let word = isMinimum ? "lowest" : "highest"
    let point = "\(highlight.seriesName) \(TextLayout.short(best.element))"
    let long = "\(word) \(point) at epoch \(best.offset + 1)"
    let note = long.count <= width ? long : TextLayout.truncated("\(point), epoch \(best.offset + 1)", to: width)
    return (index, best.offset, best.element, isMinimum ? glyphs.lowest : glyphs.highest, note)
  }

  /// The axis line with its ticks, the epoch numbers under it, and the axis name.
  private func xAxisLines(
    _ plot: PlotArea, indent: Int, _ glyphs: ChartGlyphs, _ capabilities: TerminalCapabilities
  ) -> [String] {
    let labelled = plot.labelledEpochs()
    let ticked = plot.spacing >= 2 ? Array(0..<plot.epochs) : labelled.map(\.epoch)
    var axis = Array(repeating: glyphs.axis, count: plot.columns)
    for epoch in ticked { axis[plot.column(ofEpoch: epoch)] = glyphs.epochTick }
    var numbers = Array(repeating: Character(" "), count: plot.columns)
    for (epoch, start) in labelled {
      for (offset, digit) in String(epoch + 1).enumerated() { numbers[start + offset] = digit }
    }
    let margin = String(repeating: " ", count: indent)
    var lines = [
      margin + ANSI.styled(String(glyphs.corner) + String(axis), Palette.axis, capabilities),
      TextLayout.trimmed(margin + " " + ANSI.styled(TextLayout.trimmed(String(numbers)), Palette.axis, capabilities)),
    ]
    if !xLabel.isEmpty {
      let label = TextLayout.truncated(xLabel, to: plot.columns)
      lines.append(TextLayout.trimmed(margin + " " + TextLayout.centred(label, in: plot.columns)))
    }
    return lines
  }

  /// One legend item per series (a sample of its line and its name) and the highlight's note.
  private func legendItems(
    _ plot: PlotArea, width: Int, _ glyphs: ChartGlyphs, _ capabilities: TerminalCapabilities
  ) -> [String] {
    var items = series.enumerated().filter { !$0.element.values.isEmpty }.map { index, line in
      let sample: String
      if capabilities.usesUnicode {
        sample = line.style == .solid ? "⠒⠒⠒" : "⠂⠂⠂"
      } else {
        let stroke: Character = line.style == .solid ? "-" : "."
        sample = "\(stroke)\(plot.hasRoomForMarkers ? asciiMarker(ofSeriesAt: index) : stroke)\(stroke)"
      }
      return ANSI.styled(sample, line.color, capabilities) + " " + TextLayout.truncated(line.name, to: width - 4)
    }
    if let point = highlightedPoint(glyphs, noteWidth: width - 2) {
      let glyph = ANSI.styled(String(point.glyph), series[point.series].color, bold: true, capabilities)
      items.append(glyph + " " + TextLayout.truncated(point.note, to: width - 2))
    }
    return items
  }

  /// What is shown instead of a plot too narrow to read: each series' first and last values.
  private func summaryLines(width: Int, _ glyphs: ChartGlyphs) -> [String] {
    var lines = series.compactMap { line -> String? in
      guard let first = line.values.first, let last = line.values.last else { return nil }
      let text = "\(line.name): \(TextLayout.short(first)) \(glyphs.arrow) \(TextLayout.short(last))"
      return TextLayout.truncated(text, to: width)
    }
    if let point = highlightedPoint(glyphs, noteWidth: width - 2) {
      lines.append(TextLayout.truncated("\(point.glyph) \(point.note)", to: width))
    }
    return lines
  }
}
