import Foundation
import TerminalUI

/// Shows an epoch's progress as Keras 3's progress line (drawn by `TerminalUI.ProgressLine`):
///
///     12/32 ━━━━━━━━━━━━━━━━━━━━ 1s 15ms/step - accuracy: 0.4521 - loss: 1.2345
///
/// While running, the time after the bar is the estimated time left; at the end it is the time the
/// epoch took. The time per step leaves out the first step, which is slow while things warm up.
/// On a terminal the line is redrawn in place with `\r`, shortened to fit the width (see
/// `ProgressLine`); elsewhere, and on a terminal too narrow for the line even shortened, only the
/// final line is written, so files and pipes get one plain line per epoch (broken into a few
/// lines when even its shortest form is wider than the output).
struct ProgressBar {
  let total: Int
  let verbosity: Verbosity
  let output: TerminalOutput
  private let start: Date
  private var timeAfterFirstStep: Date?
  private var lastDraw: Date?
  private var previousWidth = 0

  init(total: Int, verbosity: Verbosity, output: TerminalOutput, start: Date = Date()) {
    self.total = total
    self.verbosity = verbosity
    self.output = output
    self.start = start
  }

  /// Shows progress after `step` of `total` steps with the running values of `logs`.
  mutating func update(step: Int, logs: Logs, now: Date = Date()) {
    let isFinal = step >= total
    let perStep = secondsPerStep(step: step, now: now)
    let elapsed = ProgressLine.formatElapsed(now.timeIntervalSince(start))
    let metrics = logs.entries
    switch verbosity {
    case .silent, .auto:
      return
    case .oneLinePerEpoch:
      guard isFinal else { return }
      let line = ProgressLine(
        step: step, total: total, time: elapsed, stepTime: ProgressLine.formatStepTime(perStep), metrics: metrics)
      for text in line.oneLineSummary(width: output.columns) { output.writeLine(text) }
    case .progressBar:
      guard output.isTerminal || isFinal else { return }
      // Redraw at most 20 times a second, as Keras does.
      if !isFinal, let lastDraw, now.timeIntervalSince(lastDraw) < 0.05 { return }
      lastDraw = now
      let time = isFinal ? elapsed : ProgressLine.formatEstimate(perStep * Double(total - step))
      let progress = ProgressLine(
        step: step, total: total, time: time, stepTime: ProgressLine.formatStepTime(perStep), metrics: metrics)
      if output.isTerminal && progress.fits(in: output.columns) {
        let line = progress.rendered(for: output.capabilities)
        let visible = TextLayout.visibleWidth(line)
        let padding = String(repeating: " ", count: Swift.max(0, previousWidth - visible))
        output.write("\r" + line + padding + (isFinal ? "\n" : ""))
        previousWidth = visible
      } else if isFinal {
        // A line redrawn earlier is cleared before the final line that no longer fits.
        if previousWidth > 0 { output.write("\r" + String(repeating: " ", count: previousWidth) + "\r") }
        for line in progress.lines(for: output.capabilities) { output.writeLine(line) }
      }
    }
  }

  private mutating func secondsPerStep(step: Int, now: Date) -> Double {
    guard step > 0 else { return 0 }
    defer { if step == 1 { timeAfterFirstStep = now } }
    if let timeAfterFirstStep, step > 1 {
      return now.timeIntervalSince(timeAfterFirstStep) / Double(step - 1)
    }
    return now.timeIntervalSince(start) / Double(step)
  }
}
