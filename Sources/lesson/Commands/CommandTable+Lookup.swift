import TextTools

/// Finding a command in the table from what was typed, with "did you mean" for a mistyped one.
extension CommandTable {
  /// The command `words` start with (the longest name that fits: `bench decode` before `bench`)
  /// and the words after its name.
  ///
  /// - Throws: `UsageError.unknownCommand` with the closest command or subcommand suggested, or
  ///   `missingArgument` for a group such as `image` typed without its subcommand.
  static func command(for words: [String]) throws(UsageError) -> (command: CommandSpec, rest: [String]) {
    let named = commands.filter { !$0.name.isEmpty }
    let matches = named.filter { words.starts(with: $0.nameWords) }
    if let best = matches.max(by: { $0.nameWords.count < $1.nameWords.count }) {
      return (best, Array(words.dropFirst(best.nameWords.count)))
    }
    let first = words.first ?? ""
    let members = subcommands(of: first)
    guard !members.isEmpty else {
      var names = ["help"]
      for command in named where !names.contains(command.group) { names.append(command.group) }
      throw .unknownCommand(first, suggestion: ClosestName.find(to: first, among: names))
    }
    let subcommandNames = members.compactMap(\.subcommand)
    guard let next = words.dropFirst().first else {
      if members.count == 1 { throw .unknownCommand(first, suggestion: members[0].name) }
      throw .missingArgument(command: first, argument: ValueKind.sentence(subcommandNames))
    }
    let closest = ClosestName.find(to: next, among: subcommandNames)
    throw .unknownCommand("\(first) \(next)", suggestion: closest.map { "\(first) \($0)" })
  }

  /// The commands of the group `name` that take a subcommand word: `image info`, `image show`, ….
  static func subcommands(of name: String) -> [CommandSpec] {
    commands.filter { $0.group == name && $0.subcommand != nil }
  }

  /// What help `words` ask for, without `--help`: a command's name (`start`, `bench decode`) or a
  /// group's (`image`).
  static func helpTopic(_ words: [String]) throws(UsageError) -> String {
    let topic = words.joined(separator: " ")
    if command(named: topic) != nil || !subcommands(of: topic).isEmpty { return topic }
    return try command(for: words).command.name
  }
}

extension CommandSpec {
  /// The words of its name: `["bench", "decode"]`.
  fileprivate var nameWords: [String] { name.split(separator: " ").map(String.init) }
}
