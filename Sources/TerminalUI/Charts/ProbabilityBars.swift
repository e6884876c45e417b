import TextEscaping

/// A model's class probabilities for one image as horizontal bars, the predicted class (the
/// argmax) picked out: what `model.predict` returns for an image, made readable.
///
/// Each row shows a class name, a bar in eighths of a cell (`█▉▊▋▌▍▎▏`) and the percentage. The
/// predicted class is marked in words (`◀ predicted: bird`) as well as in colour. Given the true
/// label, the prediction is judged (`✓ correct` or `✗ true: cat`) and the true class's row is
/// marked `◁ true label`. When the markers leave too little room for the bars, the rows keep only
/// `◀`/`◁` and the words move to a line underneath. Values that cannot be probabilities (below 0,
/// above 1, or not summing to 1) get a note suggesting softmax.
///
///     let bars = ProbabilityBars(
///       labels: ["airplane", "bird", "cat", "dog", "truck"],
///       probabilities: [0.05, 0.71, 0.12, 0.08, 0.04], trueLabel: "cat")
///     for line in bars.lines(for: .standardOutput) { print(line) }
public struct ProbabilityBars: Sendable {
  /// The class names, in the model's output order.
  public let labels: [String]
  /// One probability per class, 0...1.
  public let probabilities: [Double]
  /// The image's true class, if known.
  public let trueLabel: String?
  /// The longest a bar may be, in columns.
  public let maximumBarWidth: Int

  /// Creates the bars for one prediction. Classes without a name are called `class N`.
  public init(labels: [String], probabilities: [Double], trueLabel: String? = nil, maximumBarWidth: Int = 40) {
    self.labels = probabilities.indices.map { $0 < labels.count ? labels[$0].escapedForTerminal() : "class \($0)" }
    self.probabilities = probabilities
    self.trueLabel = trueLabel?.escapedForTerminal()
    self.maximumBarWidth = maximumBarWidth
  }

  /// The index of the highest probability (the first, on ties), ignoring NaN; nil when there is
  /// none.
  public var predictedIndex: Int? {
    probabilities.indices.filter { !probabilities[$0].isNaN }.max { probabilities[$0] < probabilities[$1] }
  }

  /// Whether the prediction matches the true label; nil without a true label or a prediction.
  public var isCorrect: Bool? {
    guard let trueLabel, let predictedIndex else { return nil }
    return labels[predictedIndex] == trueLabel
  }

  // MARK: - Terminal

  /// The lines to print, without trailing newlines, none wider than the capabilities' width.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let width = Swift.max(1, capabilities.width)
    guard let predicted = predictedIndex else { return [TextLayout.truncated("(no probabilities)", to: width)] }
    let labelWidth = Swift.min(labels.map(\.count).max() ?? 1, Swift.max(4, width / 4))
    let fixedWidth = labelWidth + 1 + 2 + 6  // label, space, two spaces around the bar, "100.0%"
    let longMarks = labels.indices.map { mark(for: $0, predicted: predicted, long: true, capabilities) }
    let longMarkWidth = longMarks.map { TextLayout.visibleWidth($0) }.max() ?? 0
    let inline = width - fixedWidth - 2 - longMarkWidth >= 10
    let markWidth = inline ? longMarkWidth : 1
    let barWidth = Swift.min(maximumBarWidth, width - fixedWidth - 2 - markWidth)

    var lines = labels.indices.map { index -> String in
      let label = TextLayout.padded(TextLayout.truncated(labels[index], to: labelWidth), to: labelWidth)
      let percentage = TextLayout.padded(TextLayout.percent(probabilities[index]), to: 6, rightAligned: true)
      let mark = inline ? longMarks[index] : self.mark(for: index, predicted: predicted, long: false, capabilities)
      guard barWidth >= 4 else {
        let text = TextLayout.truncated("\(label) \(percentage)", to: Swift.max(1, width - 2))
        return width >= 3 ? TextLayout.trimmed(text + " " + mark) : text
      }
      let bar = ANSI.styled(Self.bar(probabilities[index], width: barWidth), barColour(index, predicted), capabilities)
      let padding = String(repeating: " ", count: barWidth - Self.bar(probabilities[index], width: barWidth).count)
      return TextLayout.trimmed("\(label) \(bar)\(padding)  \(percentage)  \(mark)")
    }
    if !inline {
      lines += TextLayout.wrapped(summary(predicted: predicted), width: width)
    }
    if let note = probabilityNote() { lines += TextLayout.wrapped(note, width: width) }
    return lines
  }

  // MARK: - Helpers

  /// A bar `fraction` (clamped to 0...1) of `width` columns long, in eighths of a column; a
  /// fraction above zero always shows at least `▏`.
  static func bar(_ fraction: Double, width: Int) -> String {
    let clamped = fraction.isFinite ? Swift.min(1, Swift.max(0, fraction)) : 0
    let eighths = Int((clamped * Double(width * 8)).rounded())
    if eighths == 0 { return clamped > 0 ? "▏" : "" }
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
    return String(repeating: "█", count: eighths / 8) + partial
  }

  /// The words (or, short, the symbol) after a row: the prediction and its verdict, or the true
  /// class.
  private func mark(for index: Int, predicted: Int, long: Bool, _ capabilities: TerminalCapabilities) -> String {
    if index == predicted {
      guard long else { return ANSI.styled("◀", barColour(index, predicted), bold: true, capabilities) }
      var text = ANSI.styled("◀ predicted: \(labels[index])", barColour(index, predicted), bold: true, capabilities)
      if let isCorrect {
        text +=
          "  "
          + (isCorrect
            ? ANSI.styled("✓ correct", Palette.good, capabilities)
            : ANSI.styled("✗ true: \(trueLabel ?? "")", Palette.bad, capabilities))
      }
      return text
    }
    if isCorrect == false, labels[index] == trueLabel {
      return ANSI.styled(long ? "◁ true label" : "◁", Palette.good, capabilities)
    }
    return ""
  }

  /// The colour of a row's bar: the prediction in green (red when it is wrong), the rest gray.
  private func barColour(_ index: Int, _ predicted: Int) -> RGBColor {
    guard index == predicted else { return Palette.axis }
    return isCorrect == false ? Palette.bad : Palette.good
  }

  /// The prediction and its verdict in one line, for under the chart.
  func summary(predicted: Int) -> String {
    var text = "◀ predicted: \(labels[predicted]) (\(TextLayout.percent(probabilities[predicted])))"
    if let isCorrect, let trueLabel { text += isCorrect ? "  ✓ correct" : "  ✗ true: \(trueLabel) ◁" }
    return text
  }

  /// A warning when the values cannot be probabilities, which usually means logits were passed
  /// instead of softmax output; nil when they look fine.
  func probabilityNote() -> String? {
    let finite = probabilities.filter(\.isFinite)
    let sum = finite.reduce(0, +)
    let problem: String
    if finite.contains(where: { $0 < 0 || $0 > 1 }) {
      problem = "some values are below 0 or above 1"
    } else if abs(sum - 1) > 0.01 {
      problem = "these values sum to \(TextLayout.short(sum)), not 1"
    } else {
      return nil
    }
    return "Note: \(problem), so they are not probabilities; apply softmax to the model's output first."
  }
}
