/// The opening line of a fenced code block, as CommonMark defines it: up to three spaces, then three
/// or more backticks or tildes, then the info string.
///
///     ```swift fill-in id=first-conv blanks=Int answers=16
///     ~~~~markdown
///
/// The block ends at a line of the same character, at least as many of them, up to three spaces in
/// and nothing after but spaces. Until then nothing is parsed: colons and `---` are just code.
struct CodeFence: Equatable {
  /// The fence character, `` ` `` or `~`.
  let character: Character
  /// How many fence characters open the block (3 or more).
  let length: Int
  /// How many spaces the opening fence is indented (0 to 3); code lines lose up to as many.
  let indent: Int
  /// The text after the fence characters, trimmed: `swift check`, `bash`, or empty.
  let infoString: String

  /// Recognises an opening fence, or returns `nil` when the line is not one.
  ///
  /// A backtick fence whose info string holds a backtick is not a fence (CommonMark's rule, so that
  /// inline code such as ` ```a``` ` in a paragraph stays prose).
  init?(openingLine line: String) {
    let indent = line.leadingSpaceCount
    guard indent <= 3 else { return nil }
    let rest = line.dropFirst(indent)
    guard let character = rest.first, character == "`" || character == "~" else { return nil }
    let length = rest.prefix(while: { $0 == character }).count
    guard length >= 3 else { return nil }
    let infoString = rest.dropFirst(length).trimmed
    if character == "`" && infoString.contains("`") { return nil }
    self.character = character
    self.length = length
    self.indent = indent
    self.infoString = infoString
  }

  /// The opening run of fence characters, such as "```", for messages.
  var marker: String { String(repeating: character, count: length) }

  /// Whether `line` closes the block this fence opened.
  func isClosed(by line: String) -> Bool {
    let indent = line.leadingSpaceCount
    guard indent <= 3 else { return false }
    let rest = line.dropFirst(indent)
    let run = rest.prefix(while: { $0 == character }).count
    return run >= length && rest.dropFirst(run).isBlank
  }

  /// Returns a line of code without the indentation of the opening fence, as CommonMark does: up to
  /// `indent` leading spaces are removed, and no more.
  func content(of line: String) -> String {
    String(line.dropFirst(min(indent, line.leadingSpaceCount)))
  }
}
