// Lesson files separate words with spaces and tabs only; these helpers keep that rule in one place
// and keep the module free of Foundation's character sets.

extension Character {
  /// Whether this is a space or a tab, the only characters that separate words in a lesson file.
  var isSpaceOrTab: Bool { self == " " || self == "\t" }

  /// Whether this is an ASCII digit, `0` to `9` (`Character.isNumber` also accepts other scripts).
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension StringProtocol {
  /// The text without the spaces and tabs at its start and end.
  var trimmed: String {
    String(drop(while: \.isSpaceOrTab).reversed().drop(while: \.isSpaceOrTab).reversed())
  }

  /// Whether the text is empty or only spaces and tabs.
  var isBlank: Bool { allSatisfy(\.isSpaceOrTab) }

  /// The number of spaces (not tabs) the text starts with.
  var leadingSpaceCount: Int { prefix(while: { $0 == " " }).count }

  /// The text's words: the runs of characters between spaces and tabs.
  var words: [Substring] { Substring(self).split(whereSeparator: \.isSpaceOrTab) }
}
