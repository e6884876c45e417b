extension TextLayout {
  /// A plain line broken into lines no wider than `width`, for messages that do not lay
  /// themselves out (a library's "Found 1000 files…", a lesson's `print`): it breaks at the last
  /// space that fits, keeps the spacing inside each piece, and indents each continuation as the
  /// line is indented, plus two columns. A word longer than a line is cut. A line that fits, or
  /// that carries escape codes (a view's line, already laid out), comes back unchanged.
  ///
  ///     TextLayout.fitted("  Found 1000 files belonging to 10 classes.", width: 30)
  ///     // ["  Found 1000 files belonging", "    to 10 classes."]
  public static func fitted(_ line: String, width: Int) -> [String] {
    guard visibleWidth(line) > width, !line.contains("\u{1B}") else { return [line] }
    let indent = String(line.prefix { $0 == " " })
    let continuation = indent.count + 2 < width / 2 ? indent + "  " : ""
    var lines: [String] = []
    var rest = Substring(line)
    var prefix = ""
    while visibleWidth(prefix + rest) > width {
      let room = Swift.max(1, width - visibleWidth(prefix))
      // A space just past the room may end this line too: the piece before it fits.
      let head = TextLayout.prefix(String(rest), fitting: room + 1)
      let searchable = head.dropFirst(prefix.isEmpty ? indent.count : 0)
      if let space = searchable.lastIndex(of: " "), space > searchable.startIndex {
        let piece = String(head[..<space])
        lines.append(prefix + trimmed(piece))
        rest = rest.dropFirst(piece.count).drop { $0 == " " }
      } else {
        // No space to break at: cut the word, at least one character so that the loop moves on.
        let piece = Swift.max(1, TextLayout.prefix(String(rest), fitting: room).count)
        lines.append(prefix + String(rest.prefix(piece)))
        rest = rest.dropFirst(piece)
      }
      prefix = continuation
    }
    if !rest.isEmpty { lines.append(prefix + rest) }
    return lines
  }
}
