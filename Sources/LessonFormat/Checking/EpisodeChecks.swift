import LessonScript

/// The rules that span several nodes of an episode, checked once its tree is built:
///
/// - a `swift check` block comes right after a `swift fill-in` block in the same div, and every
///   fill-in has one (blank lines between them leave no node, so they are allowed; prose is not);
/// - exercise and question ids (fill-ins, questions, `exercise` divs) are unique in the episode;
/// - a `hint`, `solution` or `wrong` div is directly inside a `challenge`, and a `wrong` div fits
///   the challenge's question or fill-in (`WrongAnswerChecks`);
/// - `questions` and `objectives` divs come before every code block outside them, and a
///   `keypoints` div after every code block outside it.
///
/// Problems are reported in document order; a code block's problems are at its fence line.
struct EpisodeChecks {
  /// The longest line of Swift a learner is shown: 80 columns less the walk's indent of 2.
  static let longestCodeLine = 78

  /// The fence line of the first code block outside the summary divs, if any.
  private let firstCodeLine: Int?
  /// The fence line of the last code block outside the summary divs, if any.
  private let lastCodeLine: Int?
  /// The ids seen so far, with the line of each.
  private var ids: [String: Int] = [:]

  /// Checks the episode's nodes.
  ///
  /// - Throws: the first problem found, at its line.
  static func check(_ nodes: [Node]) throws(LocatedProblem) {
    let codeLines = fenceLines(in: nodes)
    var checks = EpisodeChecks(firstCodeLine: codeLines.first, lastCodeLine: codeLines.last)
    try checks.walk(nodes, parent: nil)
  }

  // MARK: - Private helpers

  /// The divs that frame the episode and whose place the last rule checks.
  private static let summaryKinds: Set<SectionKind> = [.questions, .objectives, .keypoints]

  /// Creates the checks, given where the code starts and ends.
  private init(firstCodeLine: Int?, lastCodeLine: Int?) {
    self.firstCodeLine = firstCodeLine
    self.lastCodeLine = lastCodeLine
  }

  /// Returns the fence lines of the code blocks in `nodes`, in order, leaving out summary divs.
  private static func fenceLines(in nodes: [Node]) -> [Int] {
    nodes.flatMap { node -> [Int] in
      switch node {
      case .prose: return []
      case .code(let block): return [block.line - 1]
      case .div(let div): return summaryKinds.contains(div.kind) ? [] : fenceLines(in: div.children)
      }
    }
  }

  /// Checks the nodes of one container, then those of each div in it, depth first.
  private mutating func walk(_ nodes: [Node], parent: SectionKind?) throws(LocatedProblem) {
    for (index, node) in nodes.enumerated() {
      switch node {
      case .prose:
        break
      case .code(let block):
        try checkCode(block, at: index, in: nodes, parent: parent)
      case .div(let div):
        try checkPlace(of: div, parent: parent)
        if div.kind == .challenge { try WrongAnswerChecks.check(div) }
        if div.kind == .exercise, let id = div.attributes["id"] { try claim(id, line: div.line) }
        try walk(div.children, parent: div.kind)
      }
    }
  }

  /// Checks a code block's links to its neighbours and claims its id.
  private mutating func checkCode(
    _ block: CodeBlock, at index: Int, in nodes: [Node], parent: SectionKind?
  ) throws(LocatedProblem) {
    let fenceLine = block.line - 1
    let isHidden = [.display, .check, .verification].contains(block.role)
    if let parent, [.hint, .solution, .instructor, .wrong].contains(parent), !isHidden {
      // The walk never shows these divs, so a step there would never run where it is shown.
      throw LocatedProblem(line: fenceLine, .structure(.stepInHiddenDiv(parent)))
    }
    if block.language == "swift" && block.role != .check && block.role != .verification {
      for (offset, line) in block.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      where line.count > Self.longestCodeLine {
        throw LocatedProblem(line: block.line + offset, .structure(.codeLineTooLong(length: line.count)))
      }
    }
    switch block.role {
    case .check:
      let previous = index > 0 ? nodes[index - 1] : nil
      if case .code(let before)? = previous, case .fillIn = before.role { return }
      throw LocatedProblem(line: fenceLine, .structure(.checkWithoutFillIn(previous: previous, parent: parent)))
    case .fillIn(let fillIn):
      try claim(fillIn.id, line: fenceLine)
      let next = index + 1 < nodes.count ? nodes[index + 1] : nil
      guard case .code(let after)? = next, after.role == .check else {
        throw LocatedProblem(line: fenceLine, .structure(.fillInWithoutCheck(id: fillIn.id)))
      }
    case .question(let question):
      try claim(question.id, line: fenceLine)
    case .run, .display, .verification:
      break
    }
  }

  /// Checks that a div is where its kind may be.
  private func checkPlace(of div: Div, parent: SectionKind?) throws(LocatedProblem) {
    switch div.kind {
    case .hint, .solution, .wrong:
      if parent != .challenge {
        throw LocatedProblem(line: div.line, .structure(.outsideChallenge(div.kind, parent: parent)))
      }
    case .questions, .objectives:
      if let firstCodeLine, firstCodeLine < div.line {
        throw LocatedProblem(line: div.line, .structure(.introductionAfterCode(div.kind, firstCodeLine: firstCodeLine)))
      }
    case .keypoints:
      if let lastCodeLine, lastCodeLine > div.line {
        throw LocatedProblem(line: div.line, .structure(.keypointsBeforeCode(lastCodeLine: lastCodeLine)))
      }
    default:
      break
    }
  }

  /// Records an id, or throws when it was used before.
  private mutating func claim(_ id: String, line: Int) throws(LocatedProblem) {
    if let firstLine = ids[id] {
      throw LocatedProblem(line: line, .structure(.duplicateID(id, firstLine: firstLine)))
    }
    ids[id] = line
  }
}
