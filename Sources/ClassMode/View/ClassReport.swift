import Foundation
import TextEscaping

/// The Markdown summary `lesson class report` writes after a class, to plan the next one from: how
/// long each episode took, which questions and checks failed most and with what, and who finished.
public struct ClassReport: Sendable {
  /// The class code.
  public let code: String
  /// The lesson's episodes and exercises.
  public let syllabus: ClassSyllabus

  /// A report on the class `code`.
  public init(code: String, syllabus: ClassSyllabus) {
    self.code = code
    self.syllabus = syllabus
  }

  /// The report's Markdown for `room`, written at `now` (seconds since 1970).
  public func markdown(_ room: ClassRoom, now: Double) -> String {
    let learners = room.learners.values.sorted { ($0.name.lowercased(), $0.token) < ($1.name.lowercased(), $1.token) }
    var lines = ["# Class \(code): report", ""]
    // A learner's history keeps only their newest events; when they joined is kept apart.
    let times = learners.flatMap { [$0.joined] + ($0.history.last.map { [$0.time] } ?? []) }
    var summary =
      "Written \(Self.dateText(now)) · \(EventWording.count(learners.count, "learner")) · "
      + EventWording.count(room.eventCount, "event")
    if let first = times.min(), let last = times.max() {
      summary += " · from \(Self.dateText(first)) to \(Self.dateText(last))"
    }
    lines += [summary, ""]
    lines += episodeTable(learners)
    lines += countedTable(
      title: "Questions answered wrong most", header: "| Question | Wrong answers | Most common |",
      counts: room.wrongAnswers)
    lines += countedTable(
      title: "Checks failed most", header: "| Exercise | Failed checks | First failing check |",
      counts: room.failedChecks)
    lines += finishers(learners)
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Private helpers

  private func episodeTable(_ learners: [LearnerRecord]) -> [String] {
    var lines = [
      "## Episodes", "", "| Episode | Started | Finished | Median time | Slowest |", "|---|---:|---:|---:|---|",
    ]
    for episode in syllabus.episodes {
      let started = learners.filter { $0.episodeStarted[episode.number] != nil }
      let durations = started.compactMap { learner -> (LearnerRecord, Double)? in
        guard let start = learner.episodeStarted[episode.number], let end = learner.episodeFinished[episode.number]
        else { return nil }
        return (learner, max(end - start, 0))
      }
      let sorted = durations.map(\.1).sorted()
      let median = sorted.isEmpty ? "–" : Self.minutes(Self.median(sorted))
      let slowest = durations.max { $0.1 < $1.1 }.map { "\(Self.minutes($0.1)) (\(Self.cell($0.0.name)))" } ?? "–"
      lines.append(
        "| \(episode.number). \(Self.cell(episode.title)) | \(started.count) | \(durations.count) | \(median) | \(slowest) |"
      )
    }
    return lines + [""]
  }

  private func countedTable(title: String, header: String, counts: [String: [String: Int]]) -> [String] {
    var lines = ["## \(title)", ""]
    guard !counts.isEmpty else { return lines + ["None.", ""] }
    lines += [header, "|---|---:|---|"]
    for tally in Tally.ranked(counts).prefix(10) {
      let common = tally.counts.prefix(3).map { "\"\(Self.cell($0.text))\" ×\($0.count)" }.joined(separator: ", ")
      lines.append("| \(Self.cell(syllabus.naming(tally.id))) | \(tally.total) | \(common) |")
    }
    return lines + [""]
  }

  private func finishers(_ learners: [LearnerRecord]) -> [String] {
    let finished = learners.filter(syllabus.hasFinished)
    var lines = ["## Who finished", ""]
    lines.append(
      finished.isEmpty
        ? "Nobody finished every episode."
        : "Every episode (\(finished.count)): " + finished.map { Self.cell($0.name) }.joined(separator: ", ") + ".")
    let going = learners.filter { !syllabus.hasFinished($0) }
    guard !going.isEmpty else { return lines }
    lines += ["", "Still going (\(going.count)), by where they stopped:", ""]
    let byPlace = Dictionary(grouping: going) { $0.place.map { [$0.episode, $0.step, $0.stepCount] } ?? [] }
    for place in byPlace.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      let names = byPlace[place]!.map { Self.cell($0.name) }.joined(separator: ", ")
      let label = place.isEmpty ? "Not started" : "Episode \(place[0]), step \(place[1]) of \(place[2])"
      lines.append("- \(label) (\(byPlace[place]!.count)): \(names)")
    }
    return lines
  }

  /// Text from a learner, safe in a table cell: escaped for the terminal, its pipes escaped.
  private static func cell(_ text: String) -> String {
    text.escapedForTerminal().replacingOccurrences(of: "|", with: "\\|")
  }

  private static func median(_ sorted: [Double]) -> Double {
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// A duration as "12 min", or "40 s" under a minute.
  private static func minutes(_ seconds: Double) -> String {
    let seconds = min(max(seconds, 0), 1e9)
    return seconds < 59.5 ? "\(Int(seconds.rounded())) s" : "\(Int((seconds / 60).rounded())) min"
  }

  private static func dateText(_ time: Double) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: Date(timeIntervalSince1970: time))
  }
}
