import TerminalUI

/// `lesson list`: every episode with its minutes and progress, and every exercise with its state.
public struct ListScreen {
  let lesson: Lesson
  let progress: ProgressStore

  /// Creates the list for `lesson` as `progress` records it.
  public init(lesson: Lesson, progress: ProgressStore) {
    self.lesson = lesson
    self.progress = progress
  }

  /// The lines to print.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let done = capabilities.usesUnicode ? "✓" : "x"
    var lines = ["Episodes"]
    if lesson.entries.isEmpty { lines.append("  (none yet: episodes are the Lessons/NN-name.md files)") }
    for entry in lesson.entries {
      let episode = entry.script
      let state: String
      switch progress.episodes[episode.number] {
      case .done: state = "\(done) done"
      case .atStep(let step, let total): state = "step \(step) of \(total)"
      case nil: state = "not started"
      }
      let minutes = episode.teachingMinutes + episode.exerciseMinutes
      lines.append(
        "  \(episode.number). \(TextLayout.padded(episode.title, to: 42)) \(TextLayout.padded("\(minutes) min", to: 7)) \(state)"
      )
    }
    let ids = lesson.entries.flatMap(\.script.exerciseIDs)
    if !ids.isEmpty {
      lines.append("")
      lines.append("Exercises (\(ids.filter { progress.exercises[$0]?.passed == true }.count) of \(ids.count) done)")
      for entry in lesson.entries {
        for id in entry.script.exerciseIDs {
          let state = progress.exercises[id]
          let mark = state?.passed == true ? done : (state == nil ? " " : "·")
          lines.append(
            "  [\(mark)] \(id) (episode \(entry.script.number))"
              + (state?.solutionSeen == true ? ", solution seen" : ""))
        }
      }
    }
    return lines.map { TextLayout.truncated($0, to: capabilities.width) }
  }

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
