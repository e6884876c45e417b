import Foundation

/// Reads inline Markdown from an array of characters, one construct at a time. Emphasis follows
/// the common rules in simplified form: `*` opens before a non-space and closes after one; `_`
/// also needs no letter or digit outside it, so `snake_case_names` stay as written.
struct InlineMarkdownParser {
  typealias Span = InlineMarkdown.Span

  let characters: [Character]

  /// The spans of `range`, each starting from `base` (which says what encloses them).
  func spans(in range: Range<Int>, _ base: Span) -> [Span] {
    var spans: [Span] = []
    var text = ""
    func add(_ newText: String, _ change: (inout Span) -> Void = { _ in }) {
      var span = base
      change(&span)
      span.text = newText
      spans.append(span)
    }
    func flush() {
      if !text.isEmpty { add(text) }
      text = ""
    }
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      let character = characters[index]
      if character == "\\", index + 1 < end, characters[index + 1].isPunctuation || characters[index + 1].isSymbol {
        text.append(characters[index + 1])
        index += 2
      } else if character == "`" {
        let run = runLength(at: index, end)
        if let close = closingBackticks(run, from: index + run, end) {
          flush()
          add(codeText(index + run..<close)) { $0.isCode = true }
          index = close + run
        } else {
          text += String(repeating: "`", count: run)
          index += run
        }
      } else if character == "*" || character == "_" {
        let run = runLength(at: index, end)
        if let found = emphasis(at: index, run: run, end) {
          flush()
          var style = base
          if found.isStrong { style.isStrong = true } else { style.isEmphasis = true }
          spans += self.spans(in: found.inner, style)
          index = found.next
        } else {
          text += String(repeating: character, count: run)
          index += run
        }
      } else if character == "[" || (character == "!" && index + 1 < end && characters[index + 1] == "["),
        let link = link(at: character == "!" ? index + 1 : index, end)
      {
        flush()
        let label = self.spans(in: link.label, base)
        spans += label
        if !link.address.isEmpty && label.map(\.text).joined() != link.address {
          add(" (")
          add(link.address) { $0.isAddress = true }
          add(")")
        }
        index = link.next
      } else if character == "<", let autolink = autolink(at: index, end) {
        flush()
        add(autolink.address) { $0.isAddress = true }
        index = autolink.next
      } else {
        text.append(character)
        index += 1
      }
    }
    flush()
    return merged(spans)
  }

  /// `spans` with neighbours of the same kind joined (code spans stay apart: each has its backticks).
  private func merged(_ spans: [Span]) -> [Span] {
    var result: [Span] = []
    for span in spans {
      if var last = result.last, !last.isCode, !span.isCode {
        last.text = span.text
        if last == span {
          result[result.count - 1].text += span.text
          continue
        }
      }
      result.append(span)
    }
    return result
  }

  // MARK: - Constructs

  /// How many copies of the character at `index` follow one another, up to `end`.
  private func runLength(at index: Int, _ end: Int) -> Int {
    var next = index
    while next < end && characters[next] == characters[index] { next += 1 }
    return next - index
  }

  /// Where the next run of exactly `count` backticks starts, if there is one before `end`.
  private func closingBackticks(_ count: Int, from start: Int, _ end: Int) -> Int? {
    var index = start
    while index < end {
      guard characters[index] == "`" else {
        index += 1
        continue
      }
      let run = runLength(at: index, end)
      if run == count { return index }
      index += run
    }
    return nil
  }

  /// The text of a code span: one space is taken from each end when both ends have one, so
  /// ``` `` `x` `` ``` can show backticks.
  private func codeText(_ range: Range<Int>) -> String {
    let text = characters[range]
    if text.count >= 2, text.first == " ", text.last == " ", text.contains(where: { $0 != " " }) {
      return String(text.dropFirst().dropLast())
    }
    return String(text)
  }

  /// The emphasis or strong text opened by the run of `run` markers at `index`: what lies inside,
  /// where to carry on, and which of the two it is. Two markers or more try strong first; the
  /// opening takes the first markers of the run, so in `***word***` the third is emphasis inside.
  private func emphasis(at index: Int, run: Int, _ end: Int) -> (inner: Range<Int>, next: Int, isStrong: Bool)? {
    let marker = characters[index]
    for length in run >= 2 ? [2, 1] : [1] {
      guard canOpen(at: index, length: length, end) else { continue }
      if let close = closing(marker, length: length, from: index + length, end) {
        return (index + length..<close, close + length, length == 2)
      }
    }
    return nil
  }

  /// Whether `length` markers at `index` can open: a non-space follows, and for `_` no letter or
  /// digit comes before.
  private func canOpen(at index: Int, length: Int, _ end: Int) -> Bool {
    guard index + length < end, !characters[index + length].isWhitespace else { return false }
    return characters[index] != "_" || index == 0 || !isWordCharacter(characters[index - 1])
  }

  /// Where the markers closing a `length`-marker opening start. A closing run follows a non-space
  /// (and for `_` comes before no letter or digit); strong closes with the last two of a run of
  /// two or more, emphasis with the last of a run of one or three or more (a run of exactly two is
  /// strong nested inside). Code spans are skipped whole.
  private func closing(_ marker: Character, length: Int, from start: Int, _ end: Int) -> Int? {
    var index = start
    while index < end {
      let character = characters[index]
      if character == "\\" {
        index += 2
      } else if character == "`" {
        let run = runLength(at: index, end)
        index = (closingBackticks(run, from: index + run, end) ?? index) + run
      } else if character == marker {
        let run = runLength(at: index, end)
        let after = index + run
        let canClose =
          index > start && !characters[index - 1].isWhitespace
          && (marker != "_" || after >= characters.count || !isWordCharacter(characters[after]))
        if canClose && length == 2 && run >= 2 { return after - 2 }
        if canClose && length == 1 && run != 2 { return after - 1 }
        index = after
      } else {
        index += 1
      }
    }
    return nil
  }

  /// A link `[label](address "title")` whose `[` is at `index`: the label's range, the address
  /// (without title or angle brackets) and where to carry on.
  private func link(at index: Int, _ end: Int) -> (label: Range<Int>, address: String, next: Int)? {
    guard let labelEnd = matching("[", "]", from: index, end), labelEnd + 1 < end, characters[labelEnd + 1] == "(",
      let addressEnd = matching("(", ")", from: labelEnd + 1, end)
    else { return nil }
    var address = String(characters[labelEnd + 2..<addressEnd]).trimmingCharacters(in: .whitespaces)
    if let space = address.firstIndex(of: " ") { address = String(address[..<space]) }
    if address.hasPrefix("<") && address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
    return (index + 1..<labelEnd, address, addressEnd + 1)
  }

  /// The index of the bracket that closes the one at `index`, counting nesting and skipping
  /// escaped characters.
  private func matching(_ open: Character, _ close: Character, from index: Int, _ end: Int) -> Int? {
    var depth = 0
    var position = index
    while position < end {
      let character = characters[position]
      if character == "\\" {
        position += 2
        continue
      }
      if character == open { depth += 1 }
      if character == close {
        depth -= 1
        if depth == 0 { return position }
      }
      position += 1
    }
    return nil
  }

  /// An address written `<https://…>` at `index`, and where to carry on.
  private func autolink(at index: Int, _ end: Int) -> (address: String, next: Int)? {
    guard let close = characters[index..<end].firstIndex(of: ">") else { return nil }
    let address = String(characters[index + 1..<close])
    guard !address.contains(" "), address.contains("://") || address.hasPrefix("mailto:") else { return nil }
    return (address, close + 1)
  }

  private func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }
}
