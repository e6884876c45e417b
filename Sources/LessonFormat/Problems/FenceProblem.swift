import LessonScript

/// What can be wrong with the fences that open and close code blocks and divs.
enum FenceProblem: Equatable, CustomStringConvertible {
  /// A code block that runs to the end of the file; carries its opening run, such as "```".
  case unclosedCode(fence: String)
  /// A div that is still open at the end of the file.
  case unclosedDiv(SectionKind)
  /// A closing `:::` line with no div open.
  case strayDivClose
  /// A div name that is not one of `SectionKind`'s.
  case unknownDiv(name: String)

  /// The message a lesson author reads.
  var description: String {
    switch self {
    case .unclosedCode(let fence):
      return """
        the code block opened here with \(fence) is never closed; add a line of \(fence) after its code \
        (a closing fence needs at least as many of the same character)
        """
    case .unclosedDiv(let kind):
      return """
        the '\(kind.rawValue)' div opened here is never closed; add a line of ':::' after its content \
        (a ':::' line closes the innermost open div, so a ':::' missing from a div inside this one \
        also shows up here)
        """
    case .strayDivClose:
      return """
        this ':::' line closes a div, but no div is open here; remove it, or open the div above with a \
        line such as '::: challenge'
        """
    case .unknownDiv(let name):
      let known = SectionKind.allCases.map(\.rawValue)
      return Wording.unknown(
        "unknown div '\(name)'", found: name, among: known, then: "The known divs are \(Wording.quotedList(known))")
    }
  }
}
