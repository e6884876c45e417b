extension Episode {
  /// The code blocks that are steps, in the order the learner meets them: every block whose role
  /// is `.run`, `.fillIn` or `.question`, depth first through divs.
  ///
  /// The lesson engine numbers steps by their index here. `.check` blocks are not steps (they
  /// belong to the fill-in before them, see `checkBlock(after:)`), and `.display` blocks only show.
  public var runnableBlocks: [CodeBlock] {
    Self.codeBlocks(in: nodes).filter { block in
      switch block.role {
      case .run, .fillIn, .question: return true
      case .display, .check, .verification: return false
      }
    }
  }

  /// The blocks the generated code runs where they stand: the steps and the `swift verify`
  /// blocks, in document order (check blocks run inside their fill-in).
  public var executedBlocks: [CodeBlock] {
    Self.codeBlocks(in: nodes).filter { block in
      switch block.role {
      case .run, .fillIn, .question, .verification: return true
      case .display, .check: return false
      }
    }
  }

  /// Returns the `swift check` block that follows `fillIn` in the same div, or `nil` when `fillIn`
  /// is not a block of this episode or no check block follows it (a parsed episode always has one).
  public func checkBlock(after fillIn: CodeBlock) -> CodeBlock? {
    Self.checkBlock(after: fillIn, in: nodes)
  }

  // MARK: - Private helpers

  /// Returns the code blocks in `nodes`, depth first.
  private static func codeBlocks(in nodes: [Node]) -> [CodeBlock] {
    nodes.flatMap { node -> [CodeBlock] in
      switch node {
      case .prose: return []
      case .code(let block): return [block]
      case .div(let div): return codeBlocks(in: div.children)
      }
    }
  }

  /// Returns the check block right after `fillIn` among `nodes` or inside their divs.
  private static func checkBlock(after fillIn: CodeBlock, in nodes: [Node]) -> CodeBlock? {
    for (index, node) in nodes.enumerated() {
      switch node {
      case .prose:
        continue
      case .code(let block) where block == fillIn:
        guard index + 1 < nodes.count, case .code(let next) = nodes[index + 1], next.role == .check else {
          return nil
        }
        return next
      case .code:
        continue
      case .div(let div):
        if let found = checkBlock(after: fillIn, in: div.children) { return found }
      }
    }
    return nil
  }
}
