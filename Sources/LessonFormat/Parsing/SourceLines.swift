/// Splits a lesson file into the lines the rest of the parser works on.
///
/// Line `n` of the file (1-based, as in messages) is `lines[n - 1]`.
enum SourceLines {
  /// Returns the lines of `text` without their endings.
  ///
  /// `\n` and `\r\n` both end a line (Swift treats `\r\n` as one `Character`, so both are looked
  /// for); a line ending at the very end does not start an extra empty line; a leading byte order
  /// mark, which some Windows editors add, is dropped.
  static func split(_ text: String) -> [String] {
    var body = Substring(text)
    if body.first == "\u{FEFF}" { body = body.dropFirst() }
    var lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
