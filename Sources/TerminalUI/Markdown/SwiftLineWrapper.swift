/// Breaks one line of highlighted code into pieces no wider than a width, for `highlightedSwift`:
/// code is wrapped, never cut, so every argument stays on screen.
///
/// A long line breaks where a reader expects it: after `, `, after an opening bracket or before a
/// comment first (unless that would leave the piece less than half full), at another space next,
/// between a word and punctuation after that (before `.member`), and inside a token only when one
/// token is longer than the line. The spaces at a break are dropped; nothing else is. Each
/// continuation is indented under the line's own indentation plus two spaces, behind a mark
/// (`↪ `). At 58 columns:
///
///     let (training, validation) = try
///       ↪ imageDatasetFromDirectory("Datasets/cifar5/train",
///       ↪ validationSplit: 0.2, subset: .both, seed: 42,
///       ↪ imageSize: [28, 28], shuffle: true)
struct SwiftLineWrapper {
  typealias Token = SwiftHighlighter.Token

  /// One line on screen: spaces, the continuation mark and a space (on continuations, where the
  /// width leaves room for them), then the code.
  struct Piece: Equatable {
    var indent: Int
    var hasMark: Bool
    var tokens: [Token]
  }

  /// The most columns a piece may take, indentation and mark included.
  let width: Int
  /// The columns the continuation mark and its space take: 2, or 0 when the width is too small.
  let markWidth: Int

  /// Creates a wrapper for lines of at most `width` columns.
  init(width: Int) {
    self.width = Swift.max(1, width)
    markWidth = self.width >= 4 ? 2 : 0
  }

  /// The pieces of one line of code, given as its tokens: the line itself when it fits.
  func pieces(of line: [Token]) -> [Piece] {
    let characters = line.flatMap { token in token.text.map { (character: $0, kind: token.kind) } }
    let leading = characters.prefix { $0.character == " " }.count
    var columns = [0]
    for entry in characters { columns.append(columns[columns.count - 1] + TextLayout.columns(of: entry.character)) }
    guard columns[characters.count] > width else { return [Piece(indent: 0, hasMark: false, tokens: line)] }
    let firstIndent = Swift.min(leading, Swift.max(0, width - 8))
    var continuationIndent = Swift.min(leading, width / 3) + 2
    if width - continuationIndent - markWidth < 8 { continuationIndent = 0 }
    let breaks = Self.breaks(in: characters.map(\.character), kinds: characters.map(\.kind), from: leading)
    var pieces: [Piece] = []
    var position = leading
    while position < characters.count {
      let isContinuation = !pieces.isEmpty
      let indent = isContinuation ? continuationIndent : firstIndent
      let room = Swift.max(1, width - indent - (isContinuation ? markWidth : 0))
      let fits = { (end: Int) in columns[end] - columns[position] <= room }
      let next: Break
      if fits(characters.count) {
        next = Break(keepEnd: characters.count, resume: characters.count, priority: 0)
      } else {
        next =
          Self.best(of: breaks.filter { $0.keepEnd > position && fits($0.keepEnd) }, room: room) {
            columns[$0.keepEnd] - columns[position]
          } ?? Self.cut(characters.map(\.character), from: position, fitting: fits)
      }
      let kept = characters[position..<next.keepEnd]
      pieces.append(Piece(indent: indent, hasMark: isContinuation && markWidth > 0, tokens: Self.tokens(of: kept)))
      position = next.resume
    }
    return pieces
  }

  // MARK: - Breaks

  /// A place to end a piece: it keeps the characters before `keepEnd` and the next piece starts
  /// at `resume` (past the spaces of the break, if any). The higher the priority, the better.
  struct Break {
    var keepEnd: Int
    var resume: Int
    var priority: Int
  }

  /// Every place the code from `start` on may break, in order.
  static func breaks(in characters: [Character], kinds: [SwiftHighlighter.Kind], from start: Int) -> [Break] {
    var breaks: [Break] = []
    var index = start + 1
    while index < characters.count {
      let (before, character) = (characters[index - 1], characters[index])
      let isInString = kinds[index] == .string && kinds[index - 1] == .string
      if character == " " && before != " " && !isInString {
        var end = index
        while end < characters.count && characters[end] == " " { end += 1 }
        if end < characters.count {
          let isPreferred = before == "," || (kinds[end] == .comment && kinds[index - 1] != .comment)
          breaks.append(Break(keepEnd: index, resume: end, priority: isPreferred ? 2 : 1))
        }
        index = end
        continue
      }
      if "([".contains(before) && kinds[index - 1] == .plain && !")] ".contains(character) {
        breaks.append(Break(keepEnd: index, resume: index, priority: 2))
      } else if before != " " && character != " " && !isInString && isWordBoundary(before, character) {
        breaks.append(Break(keepEnd: index, resume: index, priority: 0))
      }
      index += 1
    }
    return breaks
  }

  /// Whether a break between `before` and `after` keeps words and operators whole and reads well:
  /// not before closing punctuation, not after a `.`.
  private static func isWordBoundary(_ before: Character, _ after: Character) -> Bool {
    let isWord = { (character: Character) in character.isLetter || character.isNumber || character == "_" }
    guard isWord(before) != isWord(after) else { return false }
    return !",;:)]}!?".contains(after) && before != "." && before != "\\"
  }

  /// The break to take among those that fit: a preferred one (`, ` or a bracket) if it fills at
  /// least half the room, otherwise the last at a space, otherwise the last at all.
  private static func best(of fitting: [Break], room: Int, width: (Break) -> Int) -> Break? {
    if let preferred = fitting.last(where: { $0.priority == 2 }), 2 * width(preferred) >= room { return preferred }
    return fitting.last { $0.priority >= 1 } ?? fitting.last
  }

  /// A break inside a token that is longer than the room: as many characters as fit (at least
  /// one), a space inside a string left for the next piece.
  private static func cut(_ characters: [Character], from position: Int, fitting fits: (Int) -> Bool) -> Break {
    var end = position + 1
    while end < characters.count && fits(end + 1) { end += 1 }
    if end - 1 > position && characters[end - 1] == " " { end -= 1 }
    return Break(keepEnd: end, resume: end, priority: 0)
  }

  /// Characters and their kinds joined back into tokens.
  private static func tokens(of characters: ArraySlice<(character: Character, kind: SwiftHighlighter.Kind)>)
    -> [Token]
  {
    var tokens: [Token] = []
    for entry in characters {
      if let last = tokens.last, last.kind == entry.kind {
        tokens[tokens.count - 1].text.append(entry.character)
      } else {
        tokens.append(Token(text: String(entry.character), kind: entry.kind))
      }
    }
    return tokens
  }
}
