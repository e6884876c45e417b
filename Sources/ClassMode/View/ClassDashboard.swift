import TerminalUI
import TextEscaping

/// The instructor's view of the room (`lesson class start`), as lines that fit the terminal: a
/// header with the class's spread over the episodes and the question most answered wrong, then a
/// row per learner.
///
///     Class PANDA-42 · 192.168.1.20:7341 · 60 learners · 3 stuck
///     Join: swift run lesson class join 192.168.1.20:7341 PANDA-42
///     On episode 1: 12 · 2: 40 · 3: 8 · finished: 0
///     Most missed: pixel-count (episode 2), 9 wrong; most said "255" (6)
///
///     Name          Where     Pass Fail Idle Now
///     Ana           ep 2 5/12    4    1   7m STUCK first-conv at "output shape"
public struct ClassDashboard: Sendable {
  /// The order of the rows.
  public enum Order: String, CaseIterable, Sendable {
    /// The stuck first, then those idle longest.
    case attention
    /// The furthest behind first.
    case behind
    /// By name.
    case name
  }

  /// The class code, and the address learners join.
  public let code: String
  /// The address learners join, as written on the board.
  public let address: String
  /// The command learners run to join, shown under the title for latecomers.
  public let joinCommand: String
  /// The lesson's episodes and exercises.
  public let syllabus: ClassSyllabus
  /// Seconds failing the same exercise after which a learner is shown as stuck.
  public var stuckAfter: Double
  /// The order of the rows.
  public var order = Order.attention
  /// Whether only the stuck are shown.
  public var stuckOnly = false

  /// A dashboard for the class `code` that learners join at `address` with `joinCommand`.
  public init(code: String, address: String, joinCommand: String, syllabus: ClassSyllabus, stuckAfter: Double) {
    self.code = code
    self.address = address
    self.joinCommand = joinCommand
    self.syllabus = syllabus
    self.stuckAfter = stuckAfter
  }

  /// The lines of the view at `now` (seconds since 1970), at most `capabilities.width` columns each,
  /// and at most `height` lines (the rows that do not fit are counted on the last line).
  public func lines(_ room: ClassRoom, now: Double, capabilities: TerminalCapabilities, height: Int) -> [String] {
    let width = max(capabilities.width, 20)
    let learners = room.learners.values
    let stuckCount = learners.filter { $0.isStuck(now: now, after: stuckAfter) }.count
    var lines = [
      capabilities.styled(
        TextLayout.truncated(
          "Class \(code) · \(address) · \(EventWording.count(learners.count, "learner")) · \(stuckCount) stuck",
          to: width),
        bold: true),
      TextLayout.truncated("Join: \(joinCommand)", to: width),
      TextLayout.truncated(spreadLine(room), to: width),
      TextLayout.truncated(missedLine(room), to: width),
      "",
      capabilities.styled(
        TextLayout.truncated(row("Name", "Where", "Pass", "Fail", "Idle", "Now", width), to: width), bold: true),
    ]
    let shown = rows(room, now: now)
    let rowCount = max(height - lines.count, 1)
    for learner in shown.prefix(shown.count > rowCount ? rowCount - 1 : rowCount) {
      lines.append(line(for: learner, now: now, capabilities: capabilities, width: width))
    }
    if shown.count > rowCount {
      lines.append(TextLayout.truncated("… and \(shown.count - rowCount + 1) more", to: width))
    }
    if shown.isEmpty {
      lines.append(stuckOnly ? "Nobody is stuck." : "Nobody has joined yet.")
    }
    return lines
  }

  /// A learner's events, newest last, each on a line of at most `width` columns.
  public func history(of learner: LearnerRecord, width: Int) -> [String] {
    var lines = ["History of \(learner.name.escapedForTerminal()) (\(EventWording.count(learner.eventCount, "event")))"]
    if learner.skippedNumbers > 0 {
      lines.append(
        "\(EventWording.count(learner.skippedNumbers, "event")) lost on the learner's side (their queue was full).")
    }
    for moment in learner.history {
      lines += TextLayout.wrapped(
        EventWording.clock(moment.time) + " " + EventWording.phrase(moment.event, syllabus: syllabus),
        width: max(width, 20))
    }
    return lines
  }

  /// The learners shown, in the dashboard's order.
  func rows(_ room: ClassRoom, now: Double) -> [LearnerRecord] {
    let learners = room.learners.values.filter { !stuckOnly || $0.isStuck(now: now, after: stuckAfter) }
    switch order {
    case .attention:
      return learners.sorted {
        let stuck = ($0.isStuck(now: now, after: stuckAfter), $1.isStuck(now: now, after: stuckAfter))
        if stuck.0 != stuck.1 { return stuck.0 }
        return ($0.lastProgress, $0.name, $0.token) < ($1.lastProgress, $1.name, $1.token)
      }
    case .behind:
      return learners.sorted { (progress(of: $0), $0.name, $0.token) < (progress(of: $1), $1.name, $1.token) }
    case .name:
      return learners.sorted { ($0.name.lowercased(), $0.token) < ($1.name.lowercased(), $1.token) }
    }
  }

  // MARK: - Private helpers

  private func spreadLine(_ room: ClassRoom) -> String {
    let spread = room.spread
    let finished = room.learners.values.filter(syllabus.hasFinished).count
    let episodes = spread.keys.sorted().map { "\($0): \(spread[$0]!)" }
    guard !episodes.isEmpty else { return "Nobody has started an episode yet." }
    return "On episode " + episodes.joined(separator: " · ") + " · finished: \(finished)"
  }

  private func missedLine(_ room: ClassRoom) -> String {
    guard let missed = room.mostMissedQuestion, let most = missed.counts.first else { return "No wrong answers yet." }
    return "Most missed: \(syllabus.naming(missed.id)), \(missed.total) wrong; most said "
      + "\(EventWording.quoted(most.text)) (\(most.count))"
  }

  private func line(for learner: LearnerRecord, now: Double, capabilities: TerminalCapabilities, width: Int)
    -> String
  {
    let place = learner.place.map { "ep \($0.episode) \($0.step)/\($0.stepCount)" } ?? "–"
    let stuck = learner.isStuck(now: now, after: stuckAfter)
    var status = ""
    if let failure = learner.failure {
      status = syllabus.naming(failure.exercise)
      if let detail = failure.detail { status += " at " + EventWording.quoted(detail) }
    }
    let plain = row(
      learner.name.escapedForTerminal(), place, "\(learner.passed.count)", "\(learner.failed.count)",
      EventWording.elapsed(since: learner.lastProgress, now: now), (stuck ? "STUCK " : "") + status, width)
    let fitted = TextLayout.truncated(plain, to: width)
    guard stuck, let badge = fitted.range(of: "STUCK") else { return fitted }
    return fitted.replacingCharacters(
      in: badge, with: capabilities.styled("STUCK", colour: Palette.bad, bold: true))
  }

  /// Cells laid out in the dashboard's columns for `width`.
  private func row(
    _ name: String, _ place: String, _ passed: String, _ failed: String, _ idle: String, _ now: String, _ width: Int
  ) -> String {
    let nameWidth = min(max(width / 5, 8), 16)
    return TextLayout.padded(TextLayout.truncated(name, to: nameWidth), to: nameWidth) + " "
      + TextLayout.padded(TextLayout.truncated(place, to: 11), to: 11) + " "
      + TextLayout.padded(passed, to: 4, rightAligned: true) + " "
      + TextLayout.padded(failed, to: 4, rightAligned: true) + " "
      + TextLayout.padded(idle, to: 4, rightAligned: true) + " " + now
  }

  /// How far a learner has gone, for ordering: episodes finished, then the episode, then the step.
  private func progress(of learner: LearnerRecord) -> Int {
    let place = learner.place ?? LearnerRecord.Place(episode: 0, step: 0, stepCount: 0)
    return (learner.episodeFinished.count * 100 + place.episode) * 100_000 + place.step
  }
}
