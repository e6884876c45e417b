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
      // "an IMAGE file", "an IN and OUT file": placeholders are in capitals.
      let article = argument.first.map { "aeiou".contains($0.lowercased()) } == true ? "an" : "a"
      return "`lesson \(command)` needs \(article) \(argument)."
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

/// The edit distance from `a` to `b`: the fewest insertions, deletions, substitutions and swaps
/// of two neighbouring letters (the optimal string alignment distance), so `shwo` is one edit from
/// `show`.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  guard !a.isEmpty else { return b.count }
  guard !b.isEmpty else { return a.count }
  // distance[i][j]: from the first i letters of a to the first j letters of b.
  var distance = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : (j == 0 ? i : 0) } }
  for i in 1...a.count {
    for j in 1...b.count {
      let substitution = distance[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      distance[i][j] = Swift.min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, substitution)
      if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
        distance[i][j] = Swift.min(distance[i][j], distance[i - 2][j - 2] + 1)
      }
    }
  }
  return distance[a.count][b.count]
}
