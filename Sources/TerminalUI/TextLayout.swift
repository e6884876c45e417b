import Foundation

/// Text helpers shared by every view: measuring, padding, cutting and wrapping lines, writing
/// numbers, and setting two blocks of lines beside each other.
///
/// Widths are display columns (see `visibleWidth`): escape sequences take none, so a coloured line
/// and its plain twin measure the same, and wide characters take two. Views never colour spaces at
/// the end of a line, so trailing spaces can be trimmed without looking inside escape codes.
public enum TextLayout {
  /// `text` with spaces added on the right (or left) up to `width` visible columns.
  public static func padded(_ text: String, to width: Int, rightAligned: Bool = false) -> String {
    let padding = String(repeating: " ", count: Swift.max(0, width - visibleWidth(text)))
    return rightAligned ? padding + text : text + padding
  }

  /// `text` centred in `width` columns (the extra space, if any, goes to the right).
  static func centred(_ text: String, in width: Int) -> String {
    let spare = Swift.max(0, width - visibleWidth(text))
    return String(repeating: " ", count: spare / 2) + text + String(repeating: " ", count: spare - spare / 2)
  }

  /// Plain `text` cut to at most `width` columns, ending in `…` when something was cut (spaces
  /// before the `…` are dropped: `elephant seal` in 10 columns is `elephant…`). A wide character
  /// is never split.
  public static func truncated(_ text: String, to width: Int) -> String {
    guard visibleWidth(text) > width else { return text }
    guard width > 1 else { return String(prefix(text, fitting: width)) }
    return trimmed(String(prefix(text, fitting: width - 1))) + "…"
  }

  /// Plain `text` broken at spaces into lines of at most `width` columns; a word longer than a
  /// line is cut, between characters (a wide character is never split). Empty text gives no lines.
  public static func wrapped(_ text: String, width: Int) -> [String] {
    let width = Swift.max(1, width)
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      var word = String(word)
      while visibleWidth(word) > width {
        if !current.isEmpty {
          lines.append(current)
          current = ""
        }
        // At least one character per line, so that a 2-column character in 1 column cannot stall.
        let piece = prefix(word, fitting: width)
        let cut = piece.isEmpty ? word.index(after: word.startIndex) : piece.endIndex
        lines.append(String(word[..<cut]))
        word = String(word[cut...])
      }
      if current.isEmpty {
        current = word
      } else if visibleWidth(current) + 1 + visibleWidth(word) <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = word
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Plain `text` as lines of at most `width` columns: the first behind `first`, the others behind
  /// `rest` (both may be styled), wrapped at spaces in the columns the wider of them leaves.
  /// Text that fits behind `first` is kept as it is, runs of spaces included.
  ///
  ///     TextLayout.hanging("count the bias too", first: "• ", rest: "  ", width: 12)
  ///     // ["• count the", "  bias too"]
  public static func hanging(_ text: String, first: String, rest: String, width: Int) -> [String] {
    if visibleWidth(first + text) <= width { return [first + text] }
    let room = Swift.max(1, width - Swift.max(visibleWidth(first), visibleWidth(rest)))
    let lines = wrapped(text, width: room)
    guard !lines.isEmpty else { return [trimmed(first)] }
    return lines.enumerated().map { index, line in (index == 0 ? first : rest) + line }
  }

  /// Items (already styled, each no wider than `width`) joined by `separator` and flowed onto as
  /// many lines as needed, like words in a paragraph.
  static func flowed(_ items: [String], width: Int, separator: String = "   ") -> [String] {
    var lines: [String] = []
    var current = ""
    for item in items {
      if current.isEmpty {
        current = item
      } else if visibleWidth(current) + visibleWidth(separator) + visibleWidth(item) <= width {
        current += separator + item
      } else {
        lines.append(current)
        current = item
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Two blocks of lines side by side: `left` padded to `leftWidth`, then `gap` spaces, then
  /// `right`. The shorter block is extended with blank lines.
  static func besideEachOther(_ left: [String], _ right: [String], leftWidth: Int, gap: Int) -> [String] {
    (0..<Swift.max(left.count, right.count)).map { index in
      let leftLine = index < left.count ? left[index] : ""
      let rightLine = index < right.count ? right[index] : ""
      return trimmed(padded(leftLine, to: leftWidth) + String(repeating: " ", count: gap) + rightLine)
    }
  }

  /// `line` without trailing spaces.
  static func trimmed(_ line: String) -> String {
    var line = line
    while line.hasSuffix(" ") { line.removeLast() }
    return line
  }

  /// `value` with exactly `decimals` digits after the point; `nan` or `inf` when not finite.
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    let text = String(format: "%.\(Swift.max(0, decimals))f", value)
    return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
  }

  /// A metric value written short, as a chart note wants it: two decimals from 0.1 to 10
  /// (`0.95`), fewer above (`12.3`, `123`), two significant digits below (`0.012`).
  static func short(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 100 { return fixed(value, decimals: 0) }
    if magnitude >= 10 { return fixed(value, decimals: 1) }
    if magnitude >= 0.1 || magnitude == 0 || !value.isFinite { return fixed(value, decimals: 2) }
    return fixed(value, decimals: Swift.min(10, 1 - Int(floor(log10(magnitude)))))
  }

  /// A fraction (0...1) as a percentage with one decimal: `0.71` → `71.0%`.
  static func percent(_ fraction: Double) -> String {
    fraction.isFinite ? fixed(fraction * 100, decimals: 1) + "%" : "n/a"
  }
}
