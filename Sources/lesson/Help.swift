import TerminalUI

/// The text `lesson --help` prints, laid out from the command table: one section per
/// `HelpSection`, each command's synopsis in a column of 27 characters with its summary beside it
/// (or below it, when the synopsis is too long), then the display options. No line is wider than
/// the output: an entry that does not fit as written is rewrapped.
enum Help {
  /// Where summaries start: two spaces, the synopsis column, two spaces.
  private static let summaryColumn = 29

  /// The whole overview for an output `width` columns wide, without a final newline: each entry
  /// as the command table words it, line for line, where that fits; rewrapped under its synopsis
  /// where it does not.
  static func overview(width: Int) -> String {
    var lines = TextLayout.wrapped(
      "lesson: learn image classification with convolutional neural networks, in your terminal.", width: width)
    for section in HelpSection.allCases {
      lines += ["", section.rawValue]
      var remaining = CommandTable.commands.filter { $0.section == section }[...]
      while let command = remaining.popFirst() {
        guard command.sharesOverviewRow else {
          lines += entry(command.synopsis, command.summary, notes: command.overviewNotes, width: width)
          continue
        }
        let sharing = [command] + remaining.prefix { $0.sharesOverviewRow && $0.group == command.group }
        remaining = remaining.dropFirst(sharing.count - 1)
        lines += entry(sharedSynopsis(sharing), [], width: width)
      }
    }
    lines += ["", "DISPLAY OPTIONS (any command)"]
    for option in CommandTable.displayOptions { lines += entry(option.synopsis, [option.summary], width: width) }
    return lines.joined(separator: "\n")
  }

  /// One entry: `row` when all its lines fit in `width`; otherwise the summary, then the notes,
  /// each joined into one paragraph and wrapped under the synopsis.
  private static func entry(_ synopsis: String, _ summary: [String], notes: [String] = [], width: Int) -> [String] {
    let written = row(synopsis, summary + notes)
    guard written.contains(where: { TextLayout.visibleWidth($0) > width }) else { return written }
    guard !summary.isEmpty else { return TextLayout.hanging(synopsis, first: "  ", rest: "    ", width: width) }
    let notes = notes.map { $0.drop { $0 == " " } }.joined(separator: " ")
    return hanging("  " + synopsis, summary.joined(separator: " "), column: summaryColumn, width: width)
      + (notes.isEmpty ? [] : hanging("", notes, column: summaryColumn, width: width))
  }

  /// One entry: `left` indented by two, the summary from `summaryColumn`, starting on the same line
  /// when `left` leaves two spaces before it.
  private static func row(_ left: String, _ summary: [String], column: Int = summaryColumn) -> [String] {
    let indent = String(repeating: " ", count: column)
    let head = "  " + left
    guard let first = summary.first else { return [head] }
    let rest = summary.dropFirst().map { indent + $0 }
    guard TextLayout.visibleWidth(head) <= column - 2 else { return [head, indent + first] + rest }
    return [TextLayout.padded(head, to: column) + first] + rest
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
