/// The opening line of a fenced code block, as CommonMark defines it: up to three spaces, then three
/// or more backticks or tildes, then the info string.
///
///     ```swift fill-in id=first-conv blanks=Int answers=16
///     ~~~~markdown
///
/// The block ends at a line of the same character, at least as many of them, up to three spaces in
/// and nothing after but spaces. Until then nothing is parsed: colons and `---` are just code.
/// The episode parser and the terminal's Markdown view both recognise code blocks with it.
public struct CodeFence: Equatable, Sendable {
  /// The fence character, `` ` `` or `~`.
  public let character: Character
  /// How many fence characters open the block (3 or more).
  public let length: Int
  /// How many spaces the opening fence is indented (0 to 3); code lines lose up to as many.
  public let indent: Int
  /// The text after the fence characters, without the spaces and tabs around it: `swift check`,
  /// `bash`, or empty.
  public let infoString: String

  /// Recognises an opening fence, or returns `nil` when the line is not one.
  ///
  /// A backtick fence whose info string holds a backtick is not a fence (CommonMark's rule, so that
  /// inline code such as ` ```a``` ` in a paragraph stays prose).
  public init?(openingLine line: String) {
    let indent = Self.leadingSpaces(of: line)
    guard indent <= 3 else { return nil }
    let rest = line.dropFirst(indent)
    guard let character = rest.first, character == "`" || character == "~" else { return nil }
    let length = rest.prefix(while: { $0 == character }).count
    guard length >= 3 else { return nil }
    let infoString = Self.trimmed(rest.dropFirst(length))
    if character == "`" && infoString.contains("`") { return nil }
    self.character = character
    self.length = length
    self.indent = indent
    self.infoString = infoString
  }

  /// The opening run of fence characters, such as "```", for messages.
  public var marker: String { String(repeating: character, count: length) }

  /// The info string's first word, lowercased (`swift`, `output`); empty when there is none.
  public var language: String {
    infoString.split(whereSeparator: Self.isSpaceOrTab).first.map { $0.lowercased() } ?? ""
  }

  /// Whether `line` closes the block this fence opened.
  public func isClosed(by line: String) -> Bool {
    let indent = Self.leadingSpaces(of: line)
    guard indent <= 3 else { return false }
    let rest = line.dropFirst(indent)
    let run = rest.prefix(while: { $0 == character }).count
    return run >= length && rest.dropFirst(run).allSatisfy(Self.isSpaceOrTab)
  }

  /// Returns a line of code without the indentation of the opening fence, as CommonMark does: up to
  /// `indent` leading spaces are removed, and no more.
  public func content(of line: String) -> String {
    String(line.dropFirst(min(indent, Self.leadingSpaces(of: line))))
  }

  // MARK: - Private helpers

  private static func isSpaceOrTab(_ character: Character) -> Bool { character == " " || character == "\t" }

  /// The number of spaces (not tabs) `line` starts with: a tab before a fence is not indentation.
  private static func leadingSpaces(of line: String) -> Int { line.prefix(while: { $0 == " " }).count }

  private static func trimmed(_ text: Substring) -> String {
    String(text.drop(while: isSpaceOrTab).reversed().drop(while: isSpaceOrTab).reversed())
  }
}
