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
///
/// A line wider than the output shortens itself, one step at a time until it fits (see `Form`):
/// the time goes first, then the bar shrinks to 6, then `accuracy` is written `acc`, then the time
/// per step goes. A line that does not fit even then is broken before its ` - ` into `lines(for:)`.
public struct ProgressLine: Sendable {
  /// The bar's width in characters.
  public static let barWidth = 20
  /// The shortest bar a shortened line keeps.
  static let shortestBarWidth = 6

  let step: Int
  let total: Int
  let time: String
  let stepTime: String
  let metrics: [(name: String, value: Double)]

  /// What a shortened line keeps: Keras's line is the form with everything.
  struct Form: Equatable {
    var showsTime = true
    var barWidth = ProgressLine.barWidth
    var shortensNames = false
    var showsStepTime = true

    /// Every form, widest first: Keras's, without the time, with a shorter and shorter bar, with
    /// short metric names, without the time per step.
    static let all: [Form] =
      [Form()]
      + (ProgressLine.shortestBarWidth...ProgressLine.barWidth).reversed().map { Form(showsTime: false, barWidth: $0) }
      + [
        Form(showsTime: false, barWidth: ProgressLine.shortestBarWidth, shortensNames: true),
        Form(showsTime: false, barWidth: ProgressLine.shortestBarWidth, shortensNames: true, showsStepTime: false),
      ]
  }

  /// Creates the line for `step` of `total`, with preformatted times (see `formatEstimate`,
  /// `formatElapsed` and `formatStepTime`) and the metrics in the order to print.
  public init(step: Int, total: Int, time: String, stepTime: String, metrics: [(name: String, value: Double)]) {
    self.step = step
    self.total = total
    self.time = time
    self.stepTime = stepTime
    self.metrics = metrics
  }

  /// The line, coloured when the capabilities allow, in the widest form that fits their width
  /// (Keras's own text when it fits); the shortest form when none does.
  public func rendered(for capabilities: TerminalCapabilities) -> String {
    let form = fittingForm(width: capabilities.width) ?? Form.all[Form.all.count - 1]
    return head(form, capabilities) + metricTexts(form).joined()
  }

  /// Whether the line fits on one line of `width` columns in some form: only such a line may be
  /// redrawn in place, since a line that wraps cannot be.
  public func fits(in width: Int) -> Bool {
    fittingForm(width: width) != nil
  }

  /// The line as it is written once, for a file, a pipe or a terminal too narrow to redraw it: the
  /// widest form that fits, or else the shortest broken before each ` - ` that would pass the
  /// width, the rest indented by two. No line is wider than the width.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let width = Swift.max(1, capabilities.width)
    if fits(in: width) { return [rendered(for: capabilities)] }
    let form = Form.all[Form.all.count - 1]
    let fitsHead = TextLayout.visibleWidth(head(form, .plain())) <= width
    return Self.broken(fitsHead ? head(form, capabilities) : count, before: metricTexts(form), width: width)
  }

  /// Keras's `verbose=2` line, written once per epoch, as lines no wider than `width`:
  /// `32/32 - 1s - 15ms/step - loss: 0.6931` when it fits, with `acc` for `accuracy` when that
  /// fits, otherwise broken before each ` - ` that would pass the width.
  public func oneLineSummary(width: Int) -> [String] {
    let head = "\(count) - \(time) - \(stepTime)"
    let short = metricTexts(Form(shortensNames: true))
    for metrics in [metricTexts(Form()), short] where TextLayout.visibleWidth(head + metrics.joined()) <= width {
      return [head + metrics.joined()]
    }
    return Self.broken(head, before: short, width: Swift.max(1, width))
  }

  /// `head` followed by `metrics` (each ` - name: value`), going on to a new line, indented by two,
  /// before each metric that would pass `width`.
  private static func broken(_ head: String, before metrics: [String], width: Int) -> [String] {
    var lines = [head]
    for metric in metrics {
      let last = lines[lines.count - 1]
      if TextLayout.visibleWidth(last + metric) <= width {
        lines[lines.count - 1] = last + metric
      } else {
        let continued = "  " + metric.dropFirst()
        lines += TextLayout.visibleWidth(continued) <= width ? [continued] : TextLayout.wrapped(continued, width: width)
      }
    }
    return lines
  }

  /// `" 5/32"`: the step right-aligned to the total's digits.
  var count: String {
    let text = String(step)
    return String(repeating: " ", count: Swift.max(0, String(total).count - text.count)) + text + "/\(total)"
  }

  // MARK: - Forms

  /// The widest form whose plain text fits in `width` columns, if any.
  func fittingForm(width: Int) -> Form? {
    Form.all.first { form in
      TextLayout.visibleWidth(head(form, .plain())) + metricTexts(form).map(TextLayout.visibleWidth).reduce(0, +)
        <= width
    }
  }

  /// The count, the bar and the times of `form`.
  func head(_ form: Form, _ capabilities: TerminalCapabilities) -> String {
    let done = total > 0 ? Swift.min(form.barWidth, form.barWidth * step / total) : 0
    let remaining = form.barWidth - done
    let bar: String
    if capabilities.colors == .none {
      bar = String(repeating: "━", count: done) + String(repeating: "─", count: remaining)
    } else {
      bar =
        (done > 0 ? ANSI.styled(String(repeating: "━", count: done), Palette.good, capabilities) : "")
        + (remaining > 0 ? ANSI.styled(String(repeating: "━", count: remaining), .white, capabilities) : "")
    }
    var head = ANSI.styled(count, nil, bold: true, capabilities) + " " + bar
    if form.showsTime { head += " " + ANSI.styled(time, nil, bold: true, capabilities) }
    if form.showsStepTime { head += " " + stepTime }
    return head
  }

  /// `[" - accuracy: 0.4521", " - loss: 1.2345"]`, names shortened when `form` says so.
  func metricTexts(_ form: Form) -> [String] {
    metrics.map { metric in
      let name = form.shortensNames ? metric.name.replacingOccurrences(of: "accuracy", with: "acc") : metric.name
      return " - \(name): " + ProgressLine.formatValue(metric.value)
    }
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

  /// `0.4521`, or `1.2345e-04` for a value within 0.001 of zero.
  public static func formatValue(_ value: Double) -> String {
    Swift.abs(value) > 1e-3 ? String(format: "%.4f", value) : String(format: "%.4e", value)
  }
}
