import LessonFormat

/// What instructors read: `lesson instructor N` (the schedule, the episode's instructor notes, and
/// its challenges with their solutions) and `lesson handout` (every exercise, without solutions).
/// Both are Markdown, to print formatted or to save.
public enum InstructorNotes {
  /// The schedule of the whole lesson from each episode's minutes, then episode `number`'s notes and
  /// challenges with solutions.
  public static func instructor(_ lesson: Lesson, episode number: Int) throws -> String {
    guard let entry = lesson.entry(number) else {
      throw LessonError.noSuchEpisode(number, available: lesson.entries.map(\.episode.number))
    }
    var text = "# Schedule\n\n| start | episode | teaching | exercises |\n|---|---|---|---|\n"
    var minutes = 0
    for other in lesson.entries {
      let episode = other.episode
      let marker = episode.number == number ? " ◀" : ""
      text +=
        "| \(clock(minutes)) | \(episode.number). \(episode.title)\(marker) | \(episode.teachingMinutes) | \(episode.exerciseMinutes) |\n"
      minutes += episode.teachingMinutes + episode.exerciseMinutes
    }
    text += "| \(clock(minutes)) | end | | |\n\n"
    text += "# Episode \(number): \(entry.episode.title)\n\n## Instructor notes\n\n"
    let notes = divs(.instructor, in: entry.episode.nodes)
    text += notes.isEmpty ? "(none)\n\n" : notes.map { markdown($0.children) }.joined(separator: "\n\n") + "\n\n"
    text += "## Challenges and solutions\n\n"
    let challenges = divs(.challenge, in: entry.episode.nodes)
    if challenges.isEmpty { text += "(none)\n" }
    for (index, challenge) in challenges.enumerated() {
      text += "### Challenge \(index + 1)\n\n" + markdown(challenge.children, includeHidden: true) + "\n\n"
    }
    return text
  }

  /// Every challenge of the lesson, episode by episode, without hints or solutions.
  public static func handout(_ lesson: Lesson) -> String {
    var text = "# Exercises\n\n"
    for entry in lesson.entries {
      let challenges = divs(.challenge, in: entry.episode.nodes)
      guard !challenges.isEmpty else { continue }
      text += "## Episode \(entry.episode.number): \(entry.episode.title)\n\n"
      for (index, challenge) in challenges.enumerated() {
        text += "### Exercise \(entry.episode.number).\(index + 1)\n\n" + markdown(challenge.children) + "\n\n"
      }
    }
    return text
  }

  /// `90` → `1:30`.
  static func clock(_ minutes: Int) -> String {
    "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
  }

  /// Every div of `kind`, at any depth.
  static func divs(_ kind: DivKind, in nodes: [Node]) -> [Div] {
    nodes.flatMap { node -> [Div] in
      guard case .div(let div) = node else { return [] }
      return (div.kind == kind ? [div] : []) + divs(kind, in: div.children)
    }
  }

  /// The Markdown of `nodes`; hints, solutions and checks only when `includeHidden`, and fill-in
  /// answers then too.
  static func markdown(_ nodes: [Node], includeHidden: Bool = false) -> String {
    nodes.compactMap { node -> String? in
      switch node {
      case .prose(let text, _):
        return text
      case .code(let block):
        switch block.role {
        case .check:
          return includeHidden ? "Checks:\n\n```swift\n\(block.code)\n```" : nil
        case .fillIn(let fillIn):
          let answers = includeHidden ? "\n\nAnswers: " + fillIn.answers.joined(separator: ", ") : ""
          return "```swift\n\(block.code)\n```" + answers
        case .question:
          return includeHidden ? "The answer is computed by:\n\n```swift\n\(block.code)\n```" : nil
        case .verification:
          return nil
        case .run, .display:
          return "```\(block.language)\n\(block.code)\n```"
        }
      case .div(let div):
        switch div.kind {
        case .hint, .solution, .instructor:
          return includeHidden
            ? "**\(div.kind.rawValue.capitalized):**\n\n" + markdown(div.children, includeHidden: true) : nil
        case .exercise:
          let id = div.attributes["id"] ?? "?"
          return "Write code (`lesson exercise \(id)`):\n\n" + markdown(div.children, includeHidden: includeHidden)
        default:
          return markdown(div.children, includeHidden: includeHidden)
        }
      }
    }.joined(separator: "\n\n")
  }
}
