/// One option of a command, as the command table describes it: `--epochs N` of `lesson train`.
struct OptionSpec {
  /// The option as typed: `--epochs`.
  let name: String
  /// Other spellings accepted: `--colour` for `--color`.
  var aliases: [String] = []
  /// The placeholders of its values, in order: none for a flag, `N`, or `H W`.
  var placeholders: [String] = []
  /// What each value takes.
  var kind: ValueKind = .text
  /// What a missing value is called in "`lesson start --from` needs a step number.".
  var noun = ""
  /// One line for per-command help.
  let summary: String
  /// The value used when the option is not given, for help; nil when there is none to show.
  var defaultValue: String?

  /// An option that takes no value, such as `--json`.
  static func flag(_ name: String, _ summary: String) -> OptionSpec {
    OptionSpec(name: name, summary: summary)
  }

  /// Whether it takes no value.
  var isFlag: Bool { placeholders.isEmpty }

  /// The option with its placeholders: `--image-size H W`.
  var synopsis: String { ([name] + placeholders).joined(separator: " ") }

  /// Whether `word` is this option's name or one of its aliases.
  func isNamed(_ word: String) -> Bool { word == name || aliases.contains(word) }
}
