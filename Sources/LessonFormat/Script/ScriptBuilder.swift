import LessonScript

/// Turns an episode's parsed nodes into script items. This is where the format's rules about what
/// belongs to what are decided, once, for the engine and every screen:
///
/// - a step gets the hints, the wrong answers and the solution (its explanation) of the challenge
///   it is in (the nearest one);
/// - a `swift check` block belongs to the fill-in right before it (`EpisodeChecks` makes sure there
///   is one), and is not an item of its own;
/// - a write-code exercise gets the hints of its challenge, and a challenge that wraps one has no
///   title of its own: the walk frames it by the exercise alone;
/// - hints, solutions and wrong answers are read on request, instructor notes by instructors only.
enum ScriptBuilder {
  /// Returns the items of `nodes`, at the top of an episode.
  static func items(of nodes: [Node]) -> [ScriptItem] {
    items(of: nodes, in: Challenge(hints: [], explanation: nil, wrongAnswers: []))
  }

  // MARK: - Private helpers

  /// What the challenge around a node gives the steps and exercises in it.
  private struct Challenge {
    let hints: [String]
    let explanation: String?
    let wrongAnswers: [WrongAnswer]
  }

  private static func items(of nodes: [Node], in challenge: Challenge) -> [ScriptItem] {
    var items: [ScriptItem] = []
    for (index, node) in nodes.enumerated() {
      switch node {
      case .prose(let text, let line):
        items.append(.prose(line: line, markdown: text))
      case .code(let block):
        let next = nodes.indices.contains(index + 1) ? nodes[index + 1] : nil
        items += self.items(of: block, followedBy: next, in: challenge)
      case .div(let div):
        items.append(.section(section(of: div, in: challenge)))
      }
    }
    return items
  }

  private static func items(of block: CodeBlock, followedBy next: Node?, in challenge: Challenge) -> [ScriptItem] {
    func step(_ kind: ScriptStep.Kind) -> [ScriptItem] {
      [
        .step(
          ScriptStep(
            line: block.line, code: block.code, kind: kind, hints: challenge.hints, explanation: challenge.explanation,
            wrongAnswers: challenge.wrongAnswers))
      ]
    }
    switch block.role {
    case .run:
      return step(.run)
    case .display:
      return [.shownCode(line: block.line, language: block.language, code: block.code)]
    case .fillIn(let fillIn):
      guard case .code(let check) = next, check.role == .check else {
        preconditionFailure("EpisodeChecks lets no fill-in through without its check block")
      }
      return step(.fillIn(fillIn, checks: CheckCode(line: check.line, code: check.code)))
    case .question(let question):
      return step(.question(question))
    case .verification:
      return [.verification(line: block.line, code: block.code)]
    case .check:
      return []
    }
  }

  private static func section(of div: Div, in outer: Challenge) -> ScriptSection {
    let wrapsExercise = div.children.contains { child in
      if case .div(let inner) = child { inner.kind == .exercise } else { false }
    }
    switch div.kind {
    case .challenge:
      let inner = Challenge(
        hints: children(of: div, kind: .hint).map { markdown(of: $0.children) },
        explanation: children(of: div, kind: .solution).first.map { markdown(of: $0.children) },
        wrongAnswers: children(of: div, kind: .wrong).map { wrong in
          WrongAnswer(
            pattern: AnswerPattern(wrong.attributes["answer"] ?? ""),
            blank: wrong.attributes["blank"].flatMap { Int($0) },
            feedback: markdown(of: wrong.children))
        })
      return ScriptSection(
        line: div.line, kind: .challenge, title: wrapsExercise ? nil : "Challenge", audience: .everyone,
        items: items(of: div.children, in: inner))
    case .exercise:
      let exercise = div.attributes["id"].map { id in
        CodeExerciseTask(id: id, task: markdown(of: div.children), hints: outer.hints, explanation: outer.explanation)
      }
      return ScriptSection(
        line: div.line, kind: .exercise, title: title(of: .exercise), audience: .everyone, exercise: exercise,
        items: items(of: div.children, in: outer))
    case .wrong:
      return ScriptSection(
        line: div.line, kind: .wrong, title: "If the answer is \(div.attributes["answer"] ?? "")",
        audience: .onRequest, items: items(of: div.children, in: outer))
    default:
      return ScriptSection(
        line: div.line, kind: div.kind, title: title(of: div.kind), audience: audience(of: div.kind),
        items: items(of: div.children, in: outer))
    }
  }

  /// Who reads a div of `kind`.
  private static func audience(of kind: SectionKind) -> ScriptSection.Audience {
    switch kind {
    case .hint, .solution, .wrong: return .onRequest
    case .instructor: return .instructors
    case .questions, .objectives, .keypoints, .challenge, .callout, .discussion, .exercise: return .everyone
    }
  }

  /// The title the walk frames a div of `kind` with.
  private static func title(of kind: SectionKind) -> String {
    switch kind {
    case .questions: return "Questions"
    case .objectives: return "Objectives"
    case .keypoints: return "Key points"
    case .challenge: return "Challenge"
    case .callout: return "Callout"
    case .discussion: return "Discussion"
    case .exercise: return "Exercise: write code"
    case .solution: return "Solution"
    case .hint: return "Hint"
    case .instructor: return "Instructor note"
    case .wrong: return "Wrong answer"
    }
  }

  /// The divs of `kind` directly inside `div`, in order.
  private static func children(of div: Div, kind: SectionKind) -> [Div] {
    div.children.compactMap { child in
      guard case .div(let inner) = child, inner.kind == kind else { return nil }
      return inner
    }
  }

  /// The Markdown of `nodes` as one text, for a hint, a solution or a task: prose as written, code
  /// fenced with its language, the content of divs in place. Checks and verifications, which are
  /// never shown, are left out.
  private static func markdown(of nodes: [Node]) -> String {
    nodes.compactMap { node -> String? in
      switch node {
      case .prose(let text, _): return text
      case .code(let block) where block.role == .check || block.role == .verification: return nil
      case .code(let block): return "```\(block.language)\n\(block.code)\n```"
      case .div(let div): return markdown(of: div.children)
      }
    }.joined(separator: "\n\n")
  }
}
