import TextTools

/// Reads the words after a command's name by its `CommandSpec`: options anywhere, each followed by
/// its values, and the other words as the positional arguments, in order.
///
/// A word starting with `-` that is not a number is an option. Every error names the argument or
/// option, quotes what was typed and says what it must be.
enum CommandLineReader {
  /// The checked values of `words` for `command`.
  static func read(_ words: [String], for command: CommandSpec) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments()
    var positional: [String] = []
    var remaining = words[...]
    while let word = remaining.popFirst() {
      guard isOption(word) else {
        positional.append(word)
        continue
      }
      guard let option = command.option(named: word) else {
        // A display option typed wrong belongs to no command, so it is a candidate too.
        let names = (command.options + CommandTable.displayOptions).flatMap { [$0.name] + $0.aliases }
        throw .unexpectedArgument(word, suggestion: ClosestName.find(to: word, among: names))
      }
      try read(option, typedAs: word, from: &remaining, in: command.name, into: &parsed)
    }
    try assign(positional, to: command, into: &parsed)
    return parsed
  }

  /// Reads the values of `option`, typed as `word` (its name or an alias) in command `commandName`,
  /// from the front of `remaining`.
  static func read(
    _ option: OptionSpec, typedAs word: String, from remaining: inout ArraySlice<String>, in commandName: String,
    into parsed: inout ParsedArguments
  ) throws(UsageError) {
    guard !option.isFlag else { return parsed.setFlag(option.name) }
    for _ in option.placeholders {
      guard let text = remaining.popFirst() else {
        throw .missingArgument(command: commandName.isEmpty ? word : "\(commandName) \(word)", argument: option.noun)
      }
      parsed.append(try option.kind.value(of: text, for: word), to: option.name)
    }
  }

  /// Whether `word` is written as an option: `-` and more, but not a negative number.
  static func isOption(_ word: String) -> Bool {
    word.hasPrefix("-") && word.count > 1 && Int(word) == nil
  }

  // MARK: - Private helpers

  private static func assign(
    _ positional: [String], to command: CommandSpec, into parsed: inout ParsedArguments
  ) throws(UsageError) {
    var next = positional[...]
    for argument in command.arguments {
      let words = argument.isRepeated ? Array(next) : Array(next.prefix(1))
      next = next.dropFirst(words.count)
      guard !words.isEmpty || argument.isOptional else {
        throw .missingArgument(command: command.name, argument: argument.noun)
      }
      for word in words {
        parsed.append(try argument.kind.value(of: word, for: command.name), to: argument.placeholder)
      }
    }
    if let extra = next.first { throw .unexpectedArgument(extra) }
  }
}
