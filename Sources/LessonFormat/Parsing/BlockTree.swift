import LessonScript
import TextTools

/// Builds the tree of an episode's content, the lines after the front matter: prose, code blocks and
/// divs, with divs holding their children.
///
/// Consecutive lines that are neither in a code block nor a fence make one `.prose` node, blank
/// lines inside kept and blank lines around it dropped; its line is that of its first non-blank
/// line. This stage checks what each fence says on its own line (names, info strings); the rules
/// between nodes are `EpisodeChecks`'s, except the choices of a choice question, which are read
/// here from the prose before it.
struct BlockTree {
  /// A div whose closing fence has not been reached yet, or the episode itself (`kind` `nil`).
  private struct OpenContainer {
    /// The div's kind, or `nil` for the top level.
    var kind: SectionKind?
    /// The div's attributes.
    var attributes: [String: String] = [:]
    /// The line of the opening fence.
    var line = 0
    /// The nodes read into it so far.
    var children: [Node] = []
  }

  /// The file's lines.
  private let lines: [String]
  /// The containers open at the current line, outermost (the episode) first.
  private var containers = [OpenContainer()]
  /// The prose lines read since the last node, with their line numbers.
  private var pendingProse: [(line: Int, text: String)] = []

  /// Returns the nodes of `lines[start...]`.
  ///
  /// - Throws: at the opening line, an unclosed code block or div; at the fence, a stray closing
  ///   div fence, an unknown div name, a bad info string or div attribute, or a choice question
  ///   without its list of choices.
  static func build(_ lines: [String], from start: Int) throws(LocatedProblem) -> [Node] {
    var tree = BlockTree(lines: lines)
    var index = start
    while index < lines.count {
      index = try tree.read(at: index)
    }
    tree.flushProse()
    if let unclosed = tree.containers.last, let kind = unclosed.kind {
      throw LocatedProblem(line: unclosed.line, .fence(.unclosedDiv(kind)))
    }
    return tree.containers[0].children
  }

  // MARK: - Private helpers

  /// Creates an empty tree over the file's lines.
  private init(lines: [String]) {
    self.lines = lines
  }

  /// Reads the line at `index` (and, for a code block, the lines up to its closing fence) and
  /// returns the index of the next line to read.
  private mutating func read(at index: Int) throws(LocatedProblem) -> Int {
    let line = index + 1
    if let fence = CodeFence(openingLine: lines[index]) {
      flushProse()
      guard let closing = lines.indices.dropFirst(index + 1).first(where: { fence.isClosed(by: lines[$0]) }) else {
        throw LocatedProblem(line: line, .fence(.unclosedCode(fence: fence.marker)))
      }
      let code = lines[(index + 1)..<closing].map(fence.content(of:)).joined(separator: "\n")
      let block: CodeBlock
      do throws(InfoStringProblem) {
        block = try InfoString.codeBlock(info: fence.infoString, code: code, line: line + 1)
      } catch {
        throw LocatedProblem(line: line, .infoString(error))
      }
      append(.code(try withChoices(block, fenceLine: line)))
      return closing + 1
    }
    switch DivFence(line: lines[index]) {
    case .open(let header):
      flushProse()
      do throws(FormatProblem) {
        let (kind, attributes) = try DivFence.parseHeader(header)
        containers.append(OpenContainer(kind: kind, attributes: attributes, line: line))
      } catch {
        throw LocatedProblem(line: line, error)
      }
    case .close:
      flushProse()
      guard containers.count > 1 else { throw LocatedProblem(line: line, .fence(.strayDivClose)) }
      let closed = containers.removeLast()
      let div = Div(kind: closed.kind!, attributes: closed.attributes, line: closed.line, children: closed.children)
      append(.div(div))
    case nil:
      pendingProse.append((line, lines[index]))
    }
    return index + 1
  }

  /// Adds a node to the innermost open container.
  private mutating func append(_ node: Node) {
    containers[containers.count - 1].children.append(node)
  }

  /// Turns the prose lines read so far into a `.prose` node, unless they are all blank.
  private mutating func flushProse() {
    let lines = pendingProse.drop(while: { $0.text.isBlank }).reversed().drop(while: { $0.text.isBlank }).reversed()
    pendingProse = []
    guard let first = lines.first else { return }
    append(.prose(lines.map(\.text).joined(separator: "\n"), line: first.line))
  }

  /// Returns `block` with its choices, when it is a choice question, read from the prose just
  /// before it in the same container.
  private func withChoices(_ block: CodeBlock, fenceLine: Int) throws(LocatedProblem) -> CodeBlock {
    guard case .question(let question) = block.role, question.kind == .choice else { return block }
    var choices: [(letter: String, text: String)] = []
    if case .prose(let text, _) = containers[containers.count - 1].children.last {
      choices = ChoiceList.trailingChoices(in: text)
    }
    guard !choices.isEmpty else { throw LocatedProblem(line: fenceLine, .structure(.choicesMissing(id: question.id))) }
    guard choices.count >= 2 else {
      throw LocatedProblem(line: fenceLine, .structure(.tooFewChoices(id: question.id)))
    }
    var letters: Set<String> = []
    for choice in choices where !letters.insert(choice.letter).inserted {
      throw LocatedProblem(line: fenceLine, .structure(.duplicateChoice(id: question.id, letter: choice.letter)))
    }
    let withChoices = Question(
      id: question.id, kind: .choice, choices: choices.map { Question.Choice(letter: $0.letter, text: $0.text) })
    return CodeBlock(language: block.language, role: .question(withChoices), code: block.code, line: block.line)
  }
}
