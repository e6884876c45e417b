/// The text `lesson --help` prints, laid out from the command table: one section per
/// `HelpSection`, each command's synopsis in a column of 27 characters with its summary beside it
/// (or below it, when the synopsis is too long), then the display options.
enum Help {
  /// The whole overview, without a final newline.
  static let text = overview()

  /// Where summaries start: two spaces, the synopsis column, two spaces.
  private static let summaryColumn = 29

  private static func overview() -> String {
    var lines = ["lesson: learn image classification with convolutional neural networks, in your terminal."]
    for section in HelpSection.allCases {
      lines += ["", section.rawValue]
      var remaining = CommandTable.commands.filter { $0.section == section }[...]
      while let command = remaining.popFirst() {
        guard command.sharesOverviewRow else {
          lines += row(command.synopsis, command.summary + command.overviewNotes)
          continue
        }
        let sharing = [command] + remaining.prefix { $0.sharesOverviewRow && $0.group == command.group }
        remaining = remaining.dropFirst(sharing.count - 1)
        lines += row(sharedSynopsis(sharing), [])
      }
    }
    lines += ["", "DISPLAY OPTIONS (any command)"]
    for option in CommandTable.displayOptions { lines += row(option.synopsis, [option.summary]) }
    return lines.joined(separator: "\n")
  }

  /// One entry: `left` indented by two, the summary from `summaryColumn`, starting on the same line
  /// when `left` leaves two spaces before it.
  static func row(_ left: String, _ summary: [String], column: Int = summaryColumn) -> [String] {
    let indent = String(repeating: " ", count: column)
    let head = "  " + left
    guard let first = summary.first else { return [head] }
    let rest = summary.dropFirst().map { indent + $0 }
    guard head.count <= column - 2 else { return [head, indent + first] + rest }
    return [head + String(repeating: " ", count: column - head.count) + first] + rest
  }

  /// The synopsis of commands that share a row, their subcommands joined where their arguments
  /// agree: `lesson image info|show PATH, lesson image convert IN OUT`.
  private static func sharedSynopsis(_ commands: [CommandSpec]) -> String {
    var parts: [(subcommands: [String], arguments: String)] = []
    for command in commands {
      let arguments = command.arguments.map(\.synopsis).joined(separator: " ")
      let subcommand = command.subcommand ?? ""
      if parts.last?.arguments == arguments {
        parts[parts.count - 1].subcommands.append(subcommand)
      } else {
        parts.append(([subcommand], arguments))
      }
    }
    let group = commands.first?.group ?? ""
    return parts.map { "lesson \(group) \($0.subcommands.joined(separator: "|")) \($0.arguments)" }
      .joined(separator: ", ")
  }
}
