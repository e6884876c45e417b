import Foundation

/// Keras 3's progress line for one epoch (`keras.utils.Progbar`), without colours:
///
///     12/32 ━━━━━━━━━━━━━━━━━━━━ 1s 15ms/step - accuracy: 0.4521 - loss: 1.2345
///
/// While running, the time after the bar is the estimated time left; at the end it is the time the
/// epoch took. The time per step leaves out the first step, which is slow while things warm up.
/// On a terminal the line is redrawn in place with `\r`; elsewhere only the final line is written.
struct ProgressBar {
  static let width = 20

  let total: Int
  let verbosity: Verbosity
  let output: TrainingOutput
  private let start: Date
  private var timeAfterFirstStep: Date?
  private var lastDraw: Date?
  private var previousWidth = 0

  init(total: Int, verbosity: Verbosity, output: TrainingOutput, start: Date = Date()) {
    self.total = total
    self.verbosity = verbosity
    self.output = output
    self.start = start
  }

  /// Shows progress after `step` of `total` steps with the running values of `logs`.
  mutating func update(step: Int, logs: Logs, now: Date = Date()) {
    let isFinal = step >= total
    let perStep = secondsPerStep(step: step, now: now)
    switch verbosity {
    case .silent, .auto:
      return
    case .oneLinePerEpoch:
      guard isFinal else { return }
      let line =
        "\(count(step)) - \(Int(now.timeIntervalSince(start).rounded()))s -"
        + ProgressBar.formatStepTime(perStep) + ProgressBar.formatLogs(logs)
      output.writeLine(line)
    case .progressBar:
      guard output.isTerminal || isFinal else { return }
      // Redraw at most 20 times a second, as Keras does.
      if !isFinal, let lastDraw, now.timeIntervalSince(lastDraw) < 0.05 { return }
      lastDraw = now
      let time =
        isFinal
        ? "\(Int(now.timeIntervalSince(start).rounded()))s"
        : ProgressBar.formatEstimate(perStep * Double(total - step))
      let line =
        ProgressBar.bar(step: step, total: total, countText: count(step)) + " " + time
        + ProgressBar.formatStepTime(perStep) + ProgressBar.formatLogs(logs)
      if output.isTerminal {
        let padding = String(repeating: " ", count: Swift.max(0, previousWidth - line.count))
        output.write("\r" + line + padding + (isFinal ? "\n" : ""))
        previousWidth = line.count
      } else {
        output.writeLine(line)
      }
    }
  }

  /// `" 5/32"`: the step, right-aligned to the width of the total.
  private func count(_ step: Int) -> String {
    let digits = String(total).count
    let text = String(step)
    return String(repeating: " ", count: Swift.max(0, digits - text.count)) + text + "/\(total)"
  }

  private mutating func secondsPerStep(step: Int, now: Date) -> Double {
    guard step > 0 else { return 0 }
    defer { if step == 1 { timeAfterFirstStep = now } }
    if let timeAfterFirstStep, step > 1 {
      return now.timeIntervalSince(timeAfterFirstStep) / Double(step - 1)
    }
    return now.timeIntervalSince(start) / Double(step)
  }

  // MARK: - Formatting, shared with tests

  /// The count and a 20-character bar: `⌊20·step/total⌋` heavy lines `━` for the part done and
  /// light lines `─` for the rest. (Keras draws both heavy, in green and white; without colour the
  /// light line keeps the progress visible. A finished bar is all `━`, exactly as Keras's.)
  static func bar(step: Int, total: Int, countText: String) -> String {
    let done = total > 0 ? Swift.min(width, width * step / total) : 0
    return countText + " " + String(repeating: "━", count: done) + String(repeating: "─", count: width - done)
  }

  /// `" 15ms/step"`, `" 2s/step"` or `" 850us/step"`.
  static func formatStepTime(_ seconds: Double) -> String {
    if seconds >= 1 || seconds == 0 { return String(format: " %.0fs/step", seconds) }
    if seconds >= 1e-3 { return String(format: " %.0fms/step", seconds * 1e3) }
    return String(format: " %.0fus/step", seconds * 1e6)
  }

  /// The estimated time left: `"7s"`, `"1:05"`, `"1:01:05"`.
  static func formatEstimate(_ seconds: Double) -> String {
    let whole = Int(seconds)
    if seconds > 3600 { return String(format: "%d:%02d:%02d", whole / 3600, whole % 3600 / 60, whole % 60) }
    if seconds > 60 { return String(format: "%d:%02d", whole / 60, whole % 60) }
    return "\(whole)s"
  }

  /// `" - accuracy: 0.4521 - loss: 1.2345"`, with 4 decimals, or scientific notation for values
  /// within 0.001 of zero.
  static func formatLogs(_ logs: Logs) -> String {
    logs.map { name, value in " - \(name): " + formatValue(value) }.joined()
  }

  /// `0.4521`, or `1.2345e-04` for a value within 0.001 of zero.
  static func formatValue(_ value: Double) -> String {
    Swift.abs(value) > 1e-3 ? String(format: "%.4f", value) : String(format: "%.4e", value)
  }
}
