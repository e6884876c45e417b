import TerminalUI

/// `lesson list`: every episode with its minutes and progress, and every exercise with its state;
/// and the shorter menu a learner chooses from, which fits a 24-row terminal.
public struct ListScreen {
  let lesson: Lesson
  let progress: ProgressStore

  /// Creates the list for `lesson` as `progress` records it.
  public init(lesson: Lesson, progress: ProgressStore) {
    self.lesson = lesson
    self.progress = progress
  }

  /// The lines of `lesson list`: the episodes, then every exercise on a line of its own.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    var lines = episodeLines(for: capabilities)
    let ids = exerciseIDs
    if !ids.isEmpty {
      lines.append("")
      lines.append("Exercises (\(passedCount) of \(ids.count) done)")
      for entry in lesson.entries {
        for id in entry.script.exerciseIDs {
          let state = progress.exercises[id]
          let mark = state?.passed == true ? doneMark(capabilities) : (state == nil ? " " : "·")
          lines.append(
            "  [\(mark)] \(id) (episode \(entry.script.number))"
              + (state?.solutionSeen == true ? ", solution seen" : ""))
        }
      }
    }
    return lines.map { TextLayout.truncated($0, to: capabilities.width) }
  }

  /// The lines of the menu: the episodes, then the exercises counted in one sentence that says
  /// where the whole list is.
  public func menuLines(for capabilities: TerminalCapabilities) -> [String] {
    var lines = episodeLines(for: capabilities)
    if !exerciseIDs.isEmpty {
      lines.append("")
      lines += TextLayout.wrapped(
        "Exercises: \(passedCount) of \(exerciseIDs.count) done; `\(LaunchCommand.command("list"))` lists them.",
        width: capabilities.width)
    }
    return lines
  }

  /// "Episodes", then one line per episode: number, title, minutes and progress, in columns that
  /// fit the width (the minutes are left out when the titles would be cut short of 24 columns,
  /// then the titles are shortened).
  private func episodeLines(for capabilities: TerminalCapabilities) -> [String] {
    guard !lesson.entries.isEmpty else {
      return ["Episodes"]
        + TextLayout.wrapped("  (none yet: episodes are the Lessons/NN-name.md files)", width: capabilities.width)
    }
    let rows = lesson.entries.map { entry in
      let episode = entry.script
      let state: String
      switch progress.episodes[episode.number] {
      case .done: state = "\(doneMark(capabilities)) done"
      case .atStep(let step, let total): state = "step \(step) of \(total)"
      case nil: state = "not started"
      }
      return (
        number: "\(episode.number).", title: episode.title,
        minutes: "\(episode.teachingMinutes + episode.exerciseMinutes) min", state: state
      )
    }
    func widest(_ texts: [String]) -> Int { texts.map(TextLayout.visibleWidth).max() ?? 0 }
    let numberWidth = widest(rows.map(\.number))
    let minutesWidth = widest(rows.map(\.minutes))
    let stateWidth = widest(rows.map(\.state))
    let fixed = 2 + numberWidth + 1 + 2 + stateWidth
    let showsMinutes = capabilities.width - fixed - minutesWidth - 2 >= Swift.min(widest(rows.map(\.title)), 24)
    let titleWidth = Swift.max(
      4, Swift.min(widest(rows.map(\.title)), capabilities.width - fixed - (showsMinutes ? minutesWidth + 2 : 0)))
    return ["Episodes"]
      + rows.map { row in
        var line = "  " + TextLayout.padded(row.number, to: numberWidth, rightAligned: true) + " "
        line += TextLayout.padded(TextLayout.truncated(row.title, to: titleWidth), to: titleWidth) + "  "
        if showsMinutes { line += TextLayout.padded(row.minutes, to: minutesWidth, rightAligned: true) + "  " }
        return TextLayout.truncated(line + row.state, to: capabilities.width)
      }
  }

  private var exerciseIDs: [String] { lesson.entries.flatMap(\.script.exerciseIDs) }

  private var passedCount: Int { exerciseIDs.filter { progress.exercises[$0]?.passed == true }.count }

  private func doneMark(_ capabilities: TerminalCapabilities) -> String { capabilities.usesUnicode ? "✓" : "x" }

  /// The episode to suggest next: the first not done.
  static func nextEpisode(lesson: Lesson, progress: ProgressStore) -> Int? {
    lesson.entries.map(\.script.number).first { progress.episodes[$0] != .done }
  }

  /// `lesson status`: one line to paste into the class chat, such as
  /// `episode 4 · step 3/9 · exercises 12/20 ✓`.
  public static func statusLine(lesson: Lesson, progress: ProgressStore) -> String {
    let ids = lesson.entries.flatMap(\.script.exerciseIDs)
    let passed = ids.filter { progress.exercises[$0]?.passed == true }.count
    var parts: [String] = []
    if let current = progress.current {
      parts.append("episode \(current.episode)")
      if case .atStep(let step, let total) = progress.episodes[current.episode] {
        parts.append("step \(step)/\(total)")
      } else if progress.episodes[current.episode] == .done {
        parts.append("done")
      }
    } else {
      parts.append("not started")
    }
    parts.append("exercises \(passed)/\(ids.count)" + (passed == ids.count && !ids.isEmpty ? " ✓" : ""))
    return parts.joined(separator: " · ")
  }
}
