/// A command line `lesson` cannot understand; the message says what was wrong and what to type.
enum UsageError: Error, Equatable, CustomStringConvertible {
  case unknownCommand(String, suggestion: String?)
  case unknownModel(String, known: [String], suggestion: String?)
  case missingArgument(command: String, argument: String)
  case unexpectedArgument(String)
  case invalidValue(option: String, value: String, requirement: String)

  var description: String {
    switch self {
    case .unknownCommand(let command, let suggestion):
      return "'\(command)' is not a lesson command." + didYouMean(suggestion)
    case .unknownModel(let name, let known, let suggestion):
      return "There is no reference model called '\(name)'; the models are \(known.joined(separator: ", "))."
        + didYouMean(suggestion)
    case .missingArgument(let command, let argument):
      return "`lesson \(command)` needs a \(argument)."
    case .unexpectedArgument(let argument):
      return "Unexpected argument '\(argument)'."
    case .invalidValue(let option, let value, let requirement):
      return "\(option) must be \(requirement), not '\(value)'."
    }
  }

  private func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { " Did you mean '\($0)'?" } ?? ""
  }
}

/// Returns the candidate nearest to `word` by edit distance, if it is close enough to be a typo
/// (at most a third of the word's letters wrong).
func closestMatch(to word: String, in candidates: [String]) -> String? {
  let scored = candidates.map { ($0, editDistance(word, $0)) }
  guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= Swift.max(1, word.count / 3) else { return nil }
  return best.0
}

/// The Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  var previous = Array(0...b.count)
  for i in 1...Swift.max(a.count, 1) where !a.isEmpty {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...Swift.max(b.count, 1) where !b.isEmpty {
      current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return a.isEmpty ? b.count : previous[b.count]
}
