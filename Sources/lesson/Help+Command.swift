import TerminalUI

/// The help of one command (`lesson start --help`, `lesson help start`): its usage, what it does,
/// its arguments and options with their defaults, and an example, wrapped to the width.
extension Help {
  /// The help of the command or group `topic` (`start`, `bench decode`, `image`), as
  /// `CommandTable.helpTopic` names it, in lines no longer than `width`.
  static func usage(of topic: String, width: Int = 80) -> String {
    if let command = CommandTable.command(named: topic) { return usage(of: command, width: width) }
    let members = CommandTable.subcommands(of: topic)
    var lines = ["Usage:"] + members.flatMap { hanging("  ", fullSynopsis(of: $0), column: 2, width: width) }
    lines += ["", "Commands:"]
    let column = 4 + (members.map { TextLayout.visibleWidth("lesson \($0.name)") }.max() ?? 0)
    lines += members.flatMap {
      hanging("  lesson " + $0.name, $0.summary.joined(separator: " "), column: column, width: width)
    }
    lines += [""]
    lines += TextLayout.wrapped(
      "Run `lesson \(topic) \(members.first?.subcommand ?? "") --help` for one command's options.", width: width)
    return lines.joined(separator: "\n")
  }

  /// The help of `command`, in lines no longer than `width`.
  static func usage(of command: CommandSpec, width: Int = 80) -> String {
    var lines = hanging("Usage: ", fullSynopsis(of: command), column: 7, width: width) + [""]
    lines += TextLayout.wrapped(command.summary.joined(separator: " "), width: width)
    let arguments = command.arguments.map { argument in
      (argument.synopsis, argument.summary + (argument.kind.requirement.map { ": \($0)" } ?? ""))
    }
    let options = command.options.map { option in
      (option.synopsis, option.summary + (option.defaultValue.map { " (default: \($0))" } ?? ""))
    }
    let column = 4 + Swift.max(8, (arguments + options).map { TextLayout.visibleWidth($0.0) }.max() ?? 0)
    if !arguments.isEmpty {
      lines += ["", "Arguments:"] + arguments.flatMap { hanging("  " + $0.0, $0.1, column: column, width: width) }
    }
    if !options.isEmpty {
      lines += ["", "Options:"] + options.flatMap { hanging("  " + $0.0, $0.1, column: column, width: width) }
    }
    let synopses = CommandTable.displayOptions.map(\.synopsis)
    let display = synopses.dropLast().joined(separator: ", ") + " and " + (synopses.last ?? "")
    lines += [""] + TextLayout.wrapped("Every command also takes \(display) (see `lesson --help`).", width: width)
    lines += hanging("Example: ", (["lesson"] + command.example).joined(separator: " "), column: 9, width: width)
    return lines.joined(separator: "\n")
  }

  /// The synopsis with each option: `lesson start N [--no-pause] [--from STEP]`.
  private static func fullSynopsis(of command: CommandSpec) -> String {
    ([command.synopsis] + command.options.map { "[\($0.synopsis)]" }).joined(separator: " ")
  }

  /// `text` wrapped from `column` to `width`, after `head` on the first line (on a line of its own
  /// when it leaves no gap before `column`); a narrow width wraps from a smaller indent rather than
  /// one word a line.
  static func hanging(_ head: String, _ text: String, column: Int, width: Int) -> [String] {
    let indent = Swift.min(column, Swift.max(2, width - 30))
    let wrapped = TextLayout.wrapped(text, width: width - indent)
    let pad = String(repeating: " ", count: indent)
    let headWidth = TextLayout.visibleWidth(head)
    let fits = head.hasSuffix(" ") ? headWidth <= indent : headWidth <= indent - 2
    guard fits else {
      return (headWidth <= width ? [head] : TextLayout.wrapped(head, width: width)) + wrapped.map { pad + $0 }
    }
    let first = TextLayout.padded(head, to: indent) + (wrapped.first ?? "")
    return [first] + wrapped.dropFirst().map { pad + $0 }
  }
}
