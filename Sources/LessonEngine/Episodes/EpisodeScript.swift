import LessonFormat

/// An episode laid out for walking: what to show, in order, where each step is, and the hints and
/// solutions that belong to each step (shown only when asked). Instructor notes, hints, solutions
/// and check blocks are left out of the learner's view.
struct EpisodeScript {
  /// One thing to show.
  enum Item: Equatable {
    case prose(String)
    case open(DivKind, attributes: [String: String])
    case close(DivKind)
    case shownCode(CodeBlock)
    case step(Int)
    /// The commands that start and check write-code exercise `id`, shown after its task.
    case exerciseCommands(id: String)

    /// Whether this item opens a div (and so prints its title).
    var isOpening: Bool {
      if case .open = self { return true }
      return false
    }
  }

  let items: [Item]
  /// The runnable blocks, by step (from 0).
  let steps: [CodeBlock]
  /// The Markdown of each hint of the challenge a step is in, by step.
  let hints: [Int: [String]]
  /// The Markdown of the solution of the challenge a step is in, by step.
  let solutions: [Int: String]
  /// The write-code exercises, in order: id, task (Markdown) and hints.
  let exercises: [(id: String, task: String, hints: [String])]

  init(_ episode: Episode) {
    var items: [Item] = []
    var hints: [Int: [String]] = [:]
    var solutions: [Int: String] = [:]
    var exercises: [(id: String, task: String, hints: [String])] = []
    var step = 0

    func markdown(_ nodes: [Node]) -> String {
      nodes.map { node -> String in
        switch node {
        case .prose(let text, _): return text
        case .code(let block): return "```\(block.language)\n\(block.code)\n```"
        case .div(let div): return markdown(div.children)
        }
      }.joined(separator: "\n\n")
    }

    func walk(_ nodes: [Node], challengeHints: [String], challengeSolution: String?) {
      for node in nodes {
        switch node {
        case .prose(let text, _):
          items.append(.prose(text))
        case .code(let block):
          switch block.role {
          case .run, .fillIn, .question:
            hints[step] = challengeHints
            solutions[step] = challengeSolution
            items.append(.step(step))
            step += 1
          case .display:
            items.append(.shownCode(block))
          case .check, .verification:
            break
          }
        case .div(let div):
          switch div.kind {
          case .hint, .solution, .instructor:
            break
          case .challenge:
            let ownHints = div.children.compactMap { child -> String? in
              guard case .div(let inner) = child, inner.kind == .hint else { return nil }
              return markdown(inner.children)
            }
            let solution = div.children.compactMap { child -> String? in
              guard case .div(let inner) = child, inner.kind == .solution else { return nil }
              return markdown(inner.children)
            }.first
            for child in div.children {
              if case .div(let inner) = child, inner.kind == .exercise, let id = inner.attributes["id"] {
                exercises.append((id, markdown(inner.children), ownHints))
              }
            }
            // A challenge around a write-code exercise is titled by the exercise alone.
            let wrapsExercise = div.children.contains {
              if case .div(let inner) = $0 { inner.kind == .exercise } else { false }
            }
            if !wrapsExercise { items.append(.open(.challenge, attributes: div.attributes)) }
            walk(div.children, challengeHints: ownHints, challengeSolution: solution)
            if !wrapsExercise { items.append(.close(.challenge)) }
          case .exercise:
            items.append(.open(.exercise, attributes: div.attributes))
            walk(div.children, challengeHints: challengeHints, challengeSolution: challengeSolution)
            if let id = div.attributes["id"] { items.append(.exerciseCommands(id: id)) }
            items.append(.close(.exercise))
          default:
            items.append(.open(div.kind, attributes: div.attributes))
            walk(div.children, challengeHints: challengeHints, challengeSolution: challengeSolution)
            items.append(.close(div.kind))
          }
        }
      }
    }

    walk(episode.nodes, challengeHints: [], challengeSolution: nil)
    self.items = items
    self.steps = episode.runnableBlocks
    self.hints = hints
    self.solutions = solutions
    self.exercises = exercises
  }

  /// The position in `items` of step `step`.
  func itemIndex(ofStep step: Int) -> Int? {
    items.firstIndex(of: .step(step))
  }
}
