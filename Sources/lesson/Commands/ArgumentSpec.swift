/// One positional argument of a command, as the command table describes it: `N` of `lesson start N`.
struct ArgumentSpec {
  /// The placeholder help shows, in capitals: `N`, `ID`, `IMAGE`, `NAME|all`.
  let placeholder: String
  /// What the argument takes.
  let kind: ValueKind
  /// What a missing argument is called in "`lesson start` needs an episode number.".
  let noun: String
  /// One line for per-command help.
  let summary: String
  /// Whether the command runs without it.
  var isOptional = false
  /// Whether it takes every remaining word (`IMAGE…`).
  var isRepeated = false

  /// The argument as a synopsis shows it: `N`, `[ID]`, `IMAGE…`, `[N…]`.
  var synopsis: String {
    let word = placeholder + (isRepeated ? "…" : "")
    return isOptional ? "[\(word)]" : word
  }
}
