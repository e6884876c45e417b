import LessonScript

/// The rules for a challenge's `wrong` divs: there is a question or fill-in to be wrong about,
/// `blank=` names one of a fill-in's blanks (and only a fill-in's), and `answer=` could be an
/// answer to the question (a number or a comparison for a number question, one of the choices for
/// a choice question).
enum WrongAnswerChecks {
  /// Checks the `wrong` divs directly inside `challenge`.
  ///
  /// - Throws: the first problem, at the `wrong` div's line.
  static func check(_ challenge: Div) throws(LocatedProblem) {
    let wrongs = challenge.children.compactMap { child -> Div? in
      guard case .div(let div) = child, div.kind == .wrong else { return nil }
      return div
    }
    guard let first = wrongs.first else { return }
    guard let role = askingRole(in: challenge.children) else {
      throw LocatedProblem(line: first.line, .structure(.wrongWithoutQuestion))
    }
    for wrong in wrongs {
      let answer = wrong.attributes["answer"] ?? ""
      let blank = wrong.attributes["blank"].flatMap { Int($0) }
      switch role {
      case .fillIn(let fillIn):
        guard let blank, blank <= fillIn.types.count else {
          throw LocatedProblem(line: wrong.line, .structure(.wrongBlank(given: blank, blanks: fillIn.types.count)))
        }
      case .question(let question):
        guard blank == nil else {
          throw LocatedProblem(line: wrong.line, .structure(.wrongBlank(given: blank, blanks: 0)))
        }
        try checkAnswer(answer, for: question, line: wrong.line)
      default:
        break
      }
    }
  }

  // MARK: - Private helpers

  /// The role of the first fill-in or question in `nodes`, depth first.
  private static func askingRole(in nodes: [Node]) -> CodeRole? {
    for node in nodes {
      switch node {
      case .code(let block):
        switch block.role {
        case .fillIn, .question: return block.role
        default: continue
        }
      case .div(let div):
        if let role = askingRole(in: div.children) { return role }
      case .prose:
        continue
      }
    }
    return nil
  }

  private static func checkAnswer(_ answer: String, for question: Question, line: Int) throws(LocatedProblem) {
    let pattern = AnswerPattern(answer)
    switch question.kind {
    case .number:
      guard case .value(let text) = pattern else { return }
      guard Double(String(text.filter { $0 != "," })) != nil else {
        throw LocatedProblem(
          line: line, .structure(.wrongAnswerKind(answer, expected: "a number, or a comparison such as \"<10\"")))
      }
    case .choice:
      let letters = question.choices.map(\.letter)
      guard case .value(let text) = pattern,
        letters.contains(text.lowercased())
          || question.choices.contains(where: { $0.text.lowercased() == text.lowercased() })
      else {
        let expected = "one of the choices: " + letters.joined(separator: ", ")
        throw LocatedProblem(line: line, .structure(.wrongAnswerKind(answer, expected: expected)))
      }
    case .text:
      guard case .value = pattern else {
        throw LocatedProblem(line: line, .structure(.wrongAnswerKind(answer, expected: "a word, not a comparison")))
      }
    }
  }
}
