/// A run's learning curves as the lesson plots them after `fit`: `loss` with `val_loss` on one
/// chart and `accuracy` with `val_accuracy` on another, then one sentence that reads them.
///
/// The charts sit side by side when the width allows two readable charts (75 columns or more),
/// the shorter plot extended upward so that both share one x axis line, and one above the other
/// otherwise. Training is solid and blue (`*` in ASCII), validation dashed
/// and orange (`o`), as in the lesson's figure where training is solid and validation dashed. The
/// loss chart marks the lowest `val_loss` (`▼`), the accuracy chart the highest `val_accuracy`
/// (`▲`). The sentence is `LearningCurveReading`'s.
///
///     let curves = LearningCurves(
///       title: "cifar_model_intro",
///       loss: history["loss"], validationLoss: history["val_loss"],
///       accuracy: history["accuracy"], validationAccuracy: history["val_accuracy"])
///     for line in curves.lines(for: .standardOutput) { print(line) }
///     try curves.svg().write(to: "curves.svg")
public struct LearningCurves: Sendable {
  /// The narrowest a chart may be for two to stand side by side.
  static let minimumPanelWidth = 36
  /// The spaces between two charts side by side.
  static let gap = 3

  /// A line above the charts (the lesson uses the model's name), or nil for none.
  public let title: String?
  /// Training loss per epoch (Keras's `loss`).
  public let loss: [Double]
  /// Validation loss per epoch (`val_loss`); may be empty.
  public let validationLoss: [Double]
  /// Training accuracy per epoch (`accuracy`); when it and `validationAccuracy` are both empty,
  /// only the loss chart is drawn.
  public let accuracy: [Double]
  /// Validation accuracy per epoch (`val_accuracy`); may be empty.
  public let validationAccuracy: [Double]
  /// The most plot rows of each chart. The default, 13, keeps the two charts side by side, their
  /// legends and a three-line sentence within 24 lines.
  public let height: Int

  /// Creates the curves of one run, one value per epoch in each series.
  public init(
    title: String? = nil, loss: [Double], validationLoss: [Double] = [], accuracy: [Double] = [],
    validationAccuracy: [Double] = [], height: Int = 13
  ) {
    self.title = title
    self.loss = loss
    self.validationLoss = validationLoss
    self.accuracy = accuracy
    self.validationAccuracy = validationAccuracy
    self.height = height
  }

  /// What the curves say, in a verdict and a sentence.
  public var reading: LearningCurveReading {
    LearningCurveReading(
      loss: loss, validationLoss: validationLoss, accuracy: accuracy, validationAccuracy: validationAccuracy)
  }

  // MARK: - Terminal

  /// The lines to print, without trailing newlines, none wider than the capabilities' width.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let width = Swift.max(1, capabilities.width)
    var lines: [String] = []
    if let title { lines.append(ANSI.styled(TextLayout.truncated(title, to: width), nil, bold: true, capabilities)) }
    let charts = [lossChart(width: nil), accuracyChart(width: nil)].compactMap { $0 }
    let panelWidth = (width - Self.gap) / 2
    if panelWidth >= Self.minimumPanelWidth, var accuracyPanel = accuracyChart(width: panelWidth) {
      var lossPanel = lossChart(width: panelWidth)
      let rows = Swift.max(lossPanel.scale?.rows ?? 0, accuracyPanel.scale?.rows ?? 0)
      lossPanel.minimumPlotRows = rows
      accuracyPanel.minimumPlotRows = rows
      lines += TextLayout.besideEachOther(
        lossPanel.lines(for: capabilities), accuracyPanel.lines(for: capabilities), leftWidth: panelWidth,
        gap: Self.gap)
    } else {
      for (index, chart) in charts.enumerated() {
        if index > 0 { lines.append("") }
        lines += chart.lines(for: capabilities)
      }
    }
    lines.append("")
    lines += TextLayout.wrapped(reading.sentence, width: width)
    return lines
  }

  // MARK: - Charts

  /// The loss chart: `loss` and `val_loss`, the lowest `val_loss` marked.
  func lossChart(width: Int?) -> LineChart {
    let hasValidation = !validationLoss.isEmpty
    return LineChart(
      title: "loss", series: pair("loss", loss, "val_loss", validationLoss),
      highlight: hasValidation ? .minimum(of: "val_loss") : nil, height: height, width: width)
  }

  /// The accuracy chart: `accuracy` and `val_accuracy`, the highest `val_accuracy` marked; nil
  /// when there is no accuracy at all.
  func accuracyChart(width: Int?) -> LineChart? {
    guard !accuracy.isEmpty || !validationAccuracy.isEmpty else { return nil }
    let hasValidation = !validationAccuracy.isEmpty
    return LineChart(
      title: "accuracy", series: pair("accuracy", accuracy, "val_accuracy", validationAccuracy),
      highlight: hasValidation ? .maximum(of: "val_accuracy") : nil, height: height, width: width)
  }

  /// A training series and its validation twin, leaving out whichever is empty.
  private func pair(_ name: String, _ values: [Double], _ validationName: String, _ validationValues: [Double])
    -> [LineChart.Series]
  {
    var series: [LineChart.Series] = []
    if !values.isEmpty { series.append(.init(name, values)) }
    if !validationValues.isEmpty {
      series.append(.init(validationName, validationValues, color: Palette.validation, style: .dashed, marker: "o"))
    }
    return series
  }

  // MARK: - SVG

  /// Returns a standalone SVG figure: the two charts side by side under the title, and the
  /// reading's sentence as a caption.
  public func svg(title: String? = nil) -> SVGDocument {
    let heading = title ?? self.title
    let panels = [lossChart(width: nil), accuracyChart(width: nil)].compactMap { $0 }
    let panelWidth = 500.0
    let top = heading == nil ? 10.0 : 40.0
    let caption = TextLayout.wrapped(reading.sentence, width: Int(panelWidth) * panels.count / 7)
    let height = top + 400 + 16 + Double(caption.count) * 18
    var document = SVGDocument(
      width: panelWidth * Double(panels.count), height: height, title: heading ?? "Learning curves")
    if let heading {
      document.text(heading, x: document.width / 2, y: 26, size: 17, anchor: .middle, bold: true)
    }
    for (index, chart) in panels.enumerated() {
      let frame = SVGFrame(x: Double(index) * panelWidth, y: top, width: panelWidth, height: 400)
      chart.draw(in: &document, frame: frame, heading: chart.title)
    }
    for (index, line) in caption.enumerated() {
      document.text(line, x: 20, y: top + 416 + Double(index) * 18, size: 13)
    }
    return document
  }
}
