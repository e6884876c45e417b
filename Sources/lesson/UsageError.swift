/// A command line `lesson` cannot understand; the message says what was wrong and what to type.
enum UsageError: Error, Equatable, CustomStringConvertible {
  case unknownCommand(String, suggestion: String?)
  case unknownModel(String, known: [String], suggestion: String?)
  case missingArgument(command: String, argument: String)
  case unexpectedArgument(String, suggestion: String? = nil)
  case invalidValue(option: String, value: String, requirement: String)
  /// Two arguments that cannot be given together, and why.
  case conflicting(String, String, reason: String)

  var description: String {
    switch self {
    case .unknownCommand(let command, let suggestion):
      return "'\(command)' is not a lesson command." + didYouMean(suggestion)
    case .unknownModel(let name, let known, let suggestion):
      return "There is no reference model called '\(name)'; the models are \(known.joined(separator: ", "))."
        + didYouMean(suggestion)
    case .missingArgument(let command, let argument):
      // "an IMAGE file", "an IN and OUT file": placeholders are in capitals.
      let article = argument.first.map { "aeiou".contains($0.lowercased()) } == true ? "an" : "a"
      return "`lesson \(command)` needs \(article) \(argument)."
    case .unexpectedArgument(let argument, let suggestion):
      return "Unexpected argument '\(argument)'." + didYouMean(suggestion)
    case .invalidValue(let option, let value, let requirement):
      return "\(option) must be \(requirement), not '\(value)'."
    case .conflicting(let first, let second, let reason):
      return "\(first) and \(second) cannot be given together: \(reason)."
    }
  }

  private func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { " Did you mean '\($0)'?" } ?? ""
  }
}
