import Foundation
import LessonScript
import TerminalUI

/// What `lesson present N` adds to a walk of episode N: the clock of the episode against its plan,
/// a countdown the instructor starts for an exercise, and a second output for the instructor's
/// notes, which is never projected.
public final class Presenter: @unchecked Sendable {
  /// Where the instructor's notes go (a second terminal, or a file that `tail -f` follows), or
  /// nil for none.
  let notes: TerminalOutput?
  private let now: @Sendable () -> Date
  private let lock = NSLock()
  private var started: Date?
  private var countdown: (end: Date, minutes: Int)?

  /// The minutes a countdown lasts when the instructor does not say.
  public static let defaultCountdownMinutes = 5
  /// The longest countdown, in minutes: a workshop's half day.
  public static let longestCountdownMinutes = 240

  /// Creates a presenter writing its notes to `notes`, reading the time from `now` (tests pass a
  /// clock of their own).
  public init(notes: TerminalOutput?, now: @escaping @Sendable () -> Date = { Date() }) {
    self.notes = notes
    self.now = now
  }

  /// Starts the episode's clock at `minutes` minutes: where the plan is at the first step shown,
  /// when the presentation starts part-way through.
  func startClock(atMinute minutes: Int = 0) {
    lock.withLock { started = now().addingTimeInterval(-Double(minutes) * 60) }
  }

  /// The whole minutes since the clock started.
  var minutesUsed: Int {
    lock.withLock { started.map { Int(now().timeIntervalSince($0) / 60) } ?? 0 }
  }

  /// Starts a countdown of `minutes` minutes, replacing any other.
  func startCountdown(minutes: Int) {
    lock.withLock { countdown = (now().addingTimeInterval(Double(minutes) * 60), minutes) }
  }

  /// Stops the countdown.
  func stopCountdown() {
    lock.withLock { countdown = nil }
  }

  /// The countdown as the header shows it: "4:59 left of 5 min", "time is up (5 min)", or nil
  /// when none runs.
  var countdownText: String? {
    lock.withLock {
      guard let countdown else { return nil }
      let left = Int(countdown.end.timeIntervalSince(now()).rounded(.up))
      guard left > 0 else { return "time is up (\(countdown.minutes) min)" }
      return "\(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60) left of \(countdown.minutes) min"
    }
  }

  /// The header line of the projected screen, within `width` columns: the episode on the left;
  /// on the right the countdown when one runs (after a stopwatch, or "countdown:" where the
  /// terminal cannot show one), else the step and the minutes used against the episode's plan.
  func header(for script: EpisodeScript, step: Int?, of stepCount: Int, width: Int, usesUnicode: Bool = true)
    -> String
  {
    let plan = script.teachingMinutes + script.exerciseMinutes
    let place = step.map { "step \($0)/\(stepCount)" } ?? "end"
    let right =
      countdownText.map { (usesUnicode ? "⏱ " : "countdown: ") + $0 } ?? "\(place) · \(minutesUsed) of \(plan) min"
    let left = "Episode \(script.number) · \(script.title)"
    let room = width - TextLayout.visibleWidth(right) - 2
    guard room >= 12 else { return TextLayout.truncated(right, to: width) }
    let shownLeft = TextLayout.truncated(left, to: room)
    let gap = width - TextLayout.visibleWidth(shownLeft) - TextLayout.visibleWidth(right)
    return shownLeft + String(repeating: " ", count: max(2, gap)) + right
  }

  /// Writes `markdown` to the notes, formatted for their width, then a blank line.
  func note(_ markdown: String) {
    guard let notes else { return }
    for line in MarkdownView(markdown).lines(for: notes.capabilities) { notes.writeLine(line) }
    notes.writeLine("")
  }
}
