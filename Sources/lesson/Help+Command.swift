/// The help of one command (`lesson start --help`, `lesson help start`): its usage, what it does,
/// its arguments and options with their defaults, and an example.
extension Help {
  /// The help of the command or group `topic` (`start`, `bench decode`, `image`), as
  /// `CommandTable.helpTopic` names it.
  static func usage(of topic: String) -> String {
    if let command = CommandTable.command(named: topic) { return usage(of: command) }
    let members = CommandTable.subcommands(of: topic)
    var lines = ["Usage:"] + members.map { "  " + fullSynopsis(of: $0) }
    lines += ["", "Commands:"]
    lines += members.flatMap { row("lesson " + $0.name, [$0.summary.joined(separator: " ")], column: width(members)) }
    lines += ["", "Run `lesson \(topic) \(members.first?.subcommand ?? "") --help` for one command's options."]
    return lines.joined(separator: "\n")
  }

  /// The help of `command`.
  static func usage(of command: CommandSpec) -> String {
    var lines = ["Usage: " + fullSynopsis(of: command), ""] + command.summary
    let arguments = command.arguments.map { argument in
      (argument.synopsis, argument.summary + (argument.kind.requirement.map { ": \($0)" } ?? ""))
    }
    let options = command.options.map { option in
      (option.synopsis, option.summary + (option.defaultValue.map { " (default: \($0))" } ?? ""))
    }
    let column = 4 + Swift.max(8, (arguments + options).map(\.0.count).max() ?? 0)
    if !arguments.isEmpty {
      lines += ["", "Arguments:"] + arguments.flatMap { row($0.0, [$0.1], column: column) }
    }
    if !options.isEmpty {
      lines += ["", "Options:"] + options.flatMap { row($0.0, [$0.1], column: column) }
    }
    let display = CommandTable.displayOptions.map(\.synopsis).joined(separator: " and ")
    lines += ["", "Every command also takes \(display) (see `lesson --help`)."]
    lines += ["Example: " + (["lesson"] + command.example).joined(separator: " ")]
    return lines.joined(separator: "\n")
  }

  /// The synopsis with each option: `lesson start N [--no-pause] [--from STEP]`.
  private static func fullSynopsis(of command: CommandSpec) -> String {
    ([command.synopsis] + command.options.map { "[\($0.synopsis)]" }).joined(separator: " ")
  }

  private static func width(_ commands: [CommandSpec]) -> Int {
    4 + (commands.map { "lesson \($0.name)".count }.max() ?? 0)
  }
}
