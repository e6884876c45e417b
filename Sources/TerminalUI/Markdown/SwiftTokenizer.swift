/// Reads Swift source into `SwiftHighlighter` tokens, one character at a time: comments (line and
/// nested block), string literals (single-line, multi-line and raw, with `\(…)` interpolation read
/// as code), number literals, words, and everything else as plain text. Unterminated literals and
/// comments run to the end of their line (strings) or of the code (block comments and multi-line
/// strings), as an editor shows them.
struct SwiftTokenizer {
  typealias Token = SwiftHighlighter.Token

  let characters: [Character]
  private var index = 0
  /// The tokens read so far; neighbours of the same kind are joined.
  private(set) var tokens: [Token] = []

  init(characters: [Character]) {
    self.characters = characters
  }

  /// Reads code up to the end, or, inside an interpolation, up to the `)` that closes it.
  mutating func readCode(insideInterpolation: Bool = false) {
    var depth = 0
    while index < characters.count {
      let character = characters[index]
      if insideInterpolation && character == ")" {
        if depth == 0 { return }
        depth -= 1
      } else if insideInterpolation && character == "(" {
        depth += 1
      }
      if character == "/" && next(1) == "/" {
        read(.comment) { !$0.isNewline }
      } else if character == "/" && next(1) == "*" {
        readBlockComment()
      } else if character == "\"" || (character == "#" && startsRawString()) {
        readString()
      } else if character.isASCII && character.isNumber && !isWordCharacter(previous) {
        readNumber()
      } else if character.isLetter || character == "_" {
        let start = index
        while isWordCharacter(next(0)) { index += 1 }
        let word = String(characters[start..<index])
        // After a `.` a keyword names a member (`.default`); before a `:` it is an argument label
        // (`for:`), except for `default:` in a switch.
        let isMember = previousNonSpace(before: start) == "."
        let isLabel = next(0) == ":" && word != "default"
        let isKeyword = SwiftHighlighter.keywords.contains(word) && !isMember && !isLabel
        append(word, isKeyword ? .keyword : .plain)
      } else if (character == "@" || character == "#") && next(1)?.isLetter == true {
        index += 1
        append(String(character), .keyword)
        read(.keyword, while: isWordCharacter)
      } else if character == "`" {
        index += 1
        append("`", .plain)
        read(.plain) { $0 != "`" && !$0.isNewline }
        if next(0) == "`" { take(1, .plain) }
      } else {
        take(1, .plain)
      }
    }
  }

  // MARK: - Literals and comments

  private mutating func readBlockComment() {
    var depth = 0
    while index < characters.count {
      if characters[index] == "/" && next(1) == "*" {
        depth += 1
        take(2, .comment)
      } else if characters[index] == "*" && next(1) == "/" {
        depth -= 1
        take(2, .comment)
        if depth == 0 { return }
      } else {
        take(1, .comment)
      }
    }
  }

  /// A string literal from its opening `#`s and quote(s) to the matching close.
  private mutating func readString() {
    let hashes = characters[index...].prefix { $0 == "#" }.count
    take(hashes, .string)
    let isMultiline = next(0) == "\"" && next(1) == "\"" && next(2) == "\""
    let quotes = isMultiline ? 3 : 1
    take(quotes, .string)
    while index < characters.count {
      let character = characters[index]
      if !isMultiline && character.isNewline { return }
      if character == "\\" && (0..<hashes).allSatisfy({ next(1 + $0) == "#" }) {
        if next(1 + hashes) == "(" {
          take(2 + hashes, .string)
          readCode(insideInterpolation: true)
          if index < characters.count { take(1, .string) }
        } else {
          take(Swift.min(2 + hashes, characters.count - index), .string)
        }
      } else if character == "\"" && (0..<quotes).allSatisfy({ next($0) == "\"" })
        && (0..<hashes).allSatisfy({ next(quotes + $0) == "#" })
      {
        take(quotes + hashes, .string)
        return
      } else {
        take(1, .string)
      }
    }
  }

  /// A number literal: digits, `_`, letters (hexadecimal digits, `0x`, exponents), a `.` before
  /// a digit, and a sign after an exponent's `e` or `p`.
  private mutating func readNumber() {
    let start = index
    let isHexadecimal = next(0) == "0" && (next(1) == "x" || next(1) == "X")
    while let character = next(0) {
      let isExponent = isHexadecimal ? "pP".contains(character) : "eE".contains(character)
      if character.isLetter || character.isNumber || character == "_" {
        take(1, .number)
        if isExponent, let sign = next(0), sign == "-" || sign == "+" { take(1, .number) }
      } else if character == ".", next(1)?.isNumber == true, index > start {
        take(1, .number)
      } else {
        return
      }
    }
  }

  // MARK: - Reading

  /// The character `offset` places ahead, if there is one.
  private func next(_ offset: Int) -> Character? {
    index + offset < characters.count ? characters[index + offset] : nil
  }

  private var previous: Character? {
    index > 0 ? characters[index - 1] : nil
  }

  /// The last character before `position` that is not a space.
  private func previousNonSpace(before position: Int) -> Character? {
    characters[..<position].last { $0 != " " }
  }

  /// Whether `#`s at the current position open a raw string (`#"…"#`).
  private func startsRawString() -> Bool {
    characters[index...].drop { $0 == "#" }.first == "\""
  }

  private func isWordCharacter(_ character: Character?) -> Bool {
    guard let character else { return false }
    return character.isLetter || character.isNumber || character == "_"
  }

  /// Reads characters as long as they satisfy `condition`, as one token of `kind`.
  private mutating func read(_ kind: SwiftHighlighter.Kind, while condition: (Character) -> Bool) {
    let start = index
    while index < characters.count && condition(characters[index]) { index += 1 }
    append(String(characters[start..<index]), kind)
  }

  /// Reads the next `count` characters as `kind`.
  private mutating func take(_ count: Int, _ kind: SwiftHighlighter.Kind) {
    let end = Swift.min(characters.count, index + count)
    append(String(characters[index..<end]), kind)
    index = end
  }

  private mutating func append(_ text: String, _ kind: SwiftHighlighter.Kind) {
    guard !text.isEmpty else { return }
    if let last = tokens.last, last.kind == kind {
      tokens[tokens.count - 1].text += text
    } else {
      tokens.append(Token(text: text, kind: kind))
    }
  }
}
