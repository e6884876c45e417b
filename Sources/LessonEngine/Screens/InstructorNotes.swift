import LessonScript

/// What instructors read: `lesson instructor N` (the schedule, the episode's instructor notes, and
/// its challenges with their solutions) and `lesson handout` (every exercise, without solutions).
/// Both are Markdown, to print formatted or to save.
public enum InstructorNotes {
  /// The schedule of the whole lesson from each episode's minutes, then episode `number`'s notes and
  /// challenges with solutions.
  public static func instructor(_ lesson: Lesson, episode number: Int) throws -> String {
    guard let entry = lesson.entry(number) else {
      throw LessonError.noSuchEpisode(number, available: lesson.entries.map(\.script.number))
    }
    var text = "# Schedule\n\n| start | episode | teaching | exercises |\n|---|---|---|---|\n"
    var minutes = 0
    for other in lesson.entries {
      let episode = other.script
      let marker = episode.number == number ? " ◀" : ""
      text +=
        "| \(clock(minutes)) | \(episode.number). \(episode.title)\(marker) | \(episode.teachingMinutes) | \(episode.exerciseMinutes) |\n"
      minutes += episode.teachingMinutes + episode.exerciseMinutes
    }
    text += "| \(clock(minutes)) | end | | |\n\n"
    text += "# Episode \(number): \(entry.script.title)\n\n## Instructor notes\n\n"
    let notes = entry.script.sections { $0.kind == .instructor }
    text += notes.isEmpty ? "(none)\n\n" : notes.map { markdown($0.items) }.joined(separator: "\n\n") + "\n\n"
    text += "## Challenges and solutions\n\n"
    let challenges = entry.script.sections { $0.kind == .challenge }
    if challenges.isEmpty { text += "(none)\n" }
    for (index, challenge) in challenges.enumerated() {
      text += "### Challenge \(index + 1)\n\n" + markdown(challenge.items, includeHidden: true) + "\n\n"
    }
    return text
  }

  /// Every challenge of the lesson, episode by episode, without hints or solutions.
  public static func handout(_ lesson: Lesson) -> String {
    var text = "# Exercises\n\n"
    for entry in lesson.entries {
      let challenges = entry.script.sections { $0.kind == .challenge }
      guard !challenges.isEmpty else { continue }
      text += "## Episode \(entry.script.number): \(entry.script.title)\n\n"
      for (index, challenge) in challenges.enumerated() {
        text += "### Exercise \(entry.script.number).\(index + 1)\n\n" + markdown(challenge.items) + "\n\n"
      }
    }
    return text
  }

  /// `90` → `1:30`.
  static func clock(_ minutes: Int) -> String {
    "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
  }

  /// The Markdown of `items`; hints, solutions, checks and the code of questions only when
  /// `includeHidden`, and fill-in answers then too.
  static func markdown(_ items: [ScriptItem], includeHidden: Bool = false) -> String {
    items.compactMap { item -> String? in
      switch item {
      case .prose(_, let text):
        return text
      case .shownCode(_, let language, let code):
        return "```\(language)\n\(code)\n```"
      case .step(let step):
        switch step.kind {
        case .run:
          return "```swift\n\(step.code)\n```"
        case .fillIn(let fillIn, let checks):
          guard includeHidden else { return "```swift\n\(step.code)\n```" }
          return "```swift\n\(step.code)\n```\n\nAnswers: " + fillIn.answers.joined(separator: ", ")
            + "\n\nChecks:\n\n```swift\n\(checks.code)\n```"
        case .question:
          return includeHidden ? "The answer is computed by:\n\n```swift\n\(step.code)\n```" : nil
        }
      case .verification:
        return nil
      case .section(let section):
        guard section.audience == .everyone else {
          return includeHidden
            ? "**\(label(of: section)):**\n\n" + markdown(section.items, includeHidden: true) : nil
        }
        guard let exercise = section.exercise else { return markdown(section.items, includeHidden: includeHidden) }
        return "Write code (`lesson exercise \(exercise.id)`):\n\n"
          + markdown(section.items, includeHidden: includeHidden)
      }
    }.joined(separator: "\n\n")
  }

  /// How a hidden section is labelled for instructors: `Hint`, `Solution`, `If the answer is 9`.
  private static func label(of section: ScriptSection) -> String {
    section.kind == .wrong ? section.title ?? "Wrong answer" : section.kind.rawValue.capitalized
  }
}
