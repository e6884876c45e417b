/// The names of the checks an exercise's `check.swift` runs, read from its source: the string
/// literal that opens each `check(` call (`try check("output shape", …)`), in order.
///
/// `lesson check` passes an exercise only when each of these ran, from the check file, and
/// passed: a learner's file that records checks of its own cannot stand in for them. A name that
/// is not a plain literal (one with an interpolation) cannot be known before the program runs,
/// so it is not expected; nor is a call in a `//` comment.
enum ExpectedChecks {
  /// The check names in `source`, in order, each once.
  static func names(inCheckSource source: String) -> [String] {
    let code = source.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.drop { $0 == " " }.hasPrefix("//") }.joined(separator: "\n")
    var names: [String] = []
    var rest = code[...]
    while let call = rest.range(of: "check(") {
      let before = rest[..<call.lowerBound].last
      rest = rest[call.upperBound...]
      // `check(` itself, not `recheck(` or `thing.check(`.
      guard before.map({ !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "." }) ?? true,
        let name = literal(at: rest.drop(while: \.isWhitespace)), !names.contains(name)
      else { continue }
      names.append(name)
    }
    return names
  }

  // MARK: - Scanning

  /// The string literal `text` starts with, or nil when it starts with none or holds an
  /// interpolation.
  private static func literal(at text: Substring) -> String? {
    guard text.first == "\"" else { return nil }
    var value = ""
    var escaped = false
    for character in text.dropFirst() {
      if escaped {
        guard character != "(" else { return nil }
        value.append(character == "n" ? "\n" : character == "t" ? "\t" : character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" {
        return value
      } else {
        value.append(character)
      }
    }
    return nil
  }
}
