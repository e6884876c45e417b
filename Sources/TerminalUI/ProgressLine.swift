import Foundation

/// Keras 3's progress line for an epoch of `fit`, `evaluate` or `predict`:
///
///     12/32 ━━━━━━━━━━━━━━━━━━━━ 1s 15ms/step - accuracy: 0.4521 - loss: 1.2031
///
/// The count is right-aligned to the total's digits; the bar is 20 characters, `⌊20·step/total⌋`
/// of them done. With colour, as Keras draws it: the count and time bold, the done part green and
/// the rest white, all `━`. Without colour the rest is drawn `─`, so progress still shows; a
/// finished line is then exactly Keras's text. The time is the estimate left while running, the
/// time taken at the end. Values print with 4 decimals, or in scientific notation within 0.001 of 0.
public struct ProgressLine: Sendable {
  /// The bar's width in characters.
  public static let barWidth = 20

  let step: Int
  let total: Int
  let time: String
  let stepTime: String
  let metrics: [(name: String, value: Double)]

  /// Creates the line for `step` of `total`, with preformatted times (see `formatEstimate`,
  /// `formatElapsed` and `formatStepTime`) and the metrics in the order to print.
  public init(step: Int, total: Int, time: String, stepTime: String, metrics: [(name: String, value: Double)]) {
    self.step = step
    self.total = total
    self.time = time
    self.stepTime = stepTime
    self.metrics = metrics
  }

  /// The line, coloured when the capabilities allow.
  public func rendered(for capabilities: TerminalCapabilities) -> String {
    let done = total > 0 ? Swift.min(ProgressLine.barWidth, ProgressLine.barWidth * step / total) : 0
    let remaining = ProgressLine.barWidth - done
    let bar: String
    if capabilities.colors == .none {
      bar = String(repeating: "━", count: done) + String(repeating: "─", count: remaining)
    } else {
      bar =
        (done > 0 ? ANSI.styled(String(repeating: "━", count: done), Palette.good, capabilities) : "")
        + (remaining > 0 ? ANSI.styled(String(repeating: "━", count: remaining), .white, capabilities) : "")
    }
    return ANSI.styled(count, nil, bold: true, capabilities) + " " + bar + " "
      + ANSI.styled(time, nil, bold: true, capabilities) + " " + stepTime + ProgressLine.formatMetrics(metrics)
  }

  /// Keras's `verbose=2` line, written once per epoch: `32/32 - 1s - 15ms/step - loss: 0.6931`.
  public var oneLineSummary: String {
    "\(count) - \(time) - \(stepTime)" + ProgressLine.formatMetrics(metrics)
  }

  /// `" 5/32"`: the step right-aligned to the total's digits.
  var count: String {
    let text = String(step)
    return String(repeating: " ", count: Swift.max(0, String(total).count - text.count)) + text + "/\(total)"
  }

  // MARK: - Formatting

  /// `"15ms/step"`, `"2s/step"` or `"850us/step"`.
  public static func formatStepTime(_ seconds: Double) -> String {
    if seconds >= 1 || seconds == 0 { return String(format: "%.0fs/step", seconds) }
    if seconds >= 1e-3 { return String(format: "%.0fms/step", seconds * 1e3) }
    return String(format: "%.0fus/step", seconds * 1e6)
  }

  /// The estimated time left: `"7s"`, `"1:05"`, `"1:01:05"`.
  public static func formatEstimate(_ seconds: Double) -> String {
    let whole = Int(seconds)
    if seconds > 3600 { return String(format: "%d:%02d:%02d", whole / 3600, whole % 3600 / 60, whole % 60) }
    if seconds > 60 { return String(format: "%d:%02d", whole / 60, whole % 60) }
    return "\(whole)s"
  }

  /// The time taken, rounded to whole seconds: `"3s"`.
  public static func formatElapsed(_ seconds: Double) -> String {
    String(format: "%.0fs", seconds)
  }

  /// `" - accuracy: 0.4521 - loss: 1.2345"`.
  static func formatMetrics(_ metrics: [(name: String, value: Double)]) -> String {
    metrics.map { " - \($0.name): " + formatValue($0.value) }.joined()
  }

  /// `0.4521`, or `1.2345e-04` for a value within 0.001 of zero.
  public static func formatValue(_ value: Double) -> String {
    Swift.abs(value) > 1e-3 ? String(format: "%.4f", value) : String(format: "%.4e", value)
  }
}
