import Foundation

/// What a single line of Markdown is, looked at alone: the tests the block parser makes before it
/// decides where a block starts and ends.
extension MarkdownBlockParser {
  /// The marker that opens a list item: `-`, `*` or `+`, or a number and `.` or `)`, then a space.
  struct ListMarker {
    /// The spaces before the marker.
    let indent: Int
    /// The number of a numbered item; nil for a bullet.
    let number: Int?
    /// The column where the item's text starts; lines indented this far continue it.
    let textColumn: Int
    /// The text after the marker.
    let text: String

    var isNumbered: Bool { number != nil }

    init?(_ line: String) {
      let indent = MarkdownBlockParser.indentation(of: line)
      let rest = line.dropFirst(indent)
      let markerLength: Int
      if let first = rest.first, "-*+".contains(first) {
        markerLength = 1
        number = nil
      } else {
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), let after = rest.dropFirst(digits.count).first,
          after == "." || after == ")"
        else { return nil }
        markerLength = digits.count + 1
        number = Int(digits)
      }
      let afterMarker = rest.dropFirst(markerLength)
      guard afterMarker.isEmpty || afterMarker.first == " ", !MarkdownBlockParser.isRule(line) else { return nil }
      let spaces = afterMarker.prefix { $0 == " " }.count
      self.indent = indent
      // Five spaces or more after the marker mean the text itself is indented: the item starts one
      // space after the marker.
      textColumn = indent + markerLength + (spaces >= 5 || afterMarker.allSatisfy { $0 == " " } ? 1 : spaces)
      text = afterMarker.trimmingCharacters(in: .whitespaces)
    }
  }

  /// A heading block, if `line` is `#`–`######`, a space and a title (closing `#`s dropped).
  static func heading(_ line: String) -> MarkdownBlock? {
    let indent = indentation(of: line)
    let rest = line.dropFirst(indent)
    let level = rest.prefix { $0 == "#" }.count
    let title = rest.dropFirst(level)
    guard indent < 4, (1...6).contains(level), title.isEmpty || title.first == " " else { return nil }
    var text = title.trimmingCharacters(in: .whitespaces)
    let closing = text.reversed().prefix { $0 == "#" }.count
    if closing == text.count {
      text = ""
    } else if closing > 0, text.dropLast(closing).last == " " {
      text = String(text.dropLast(closing)).trimmingCharacters(in: .whitespaces)
    }
    return .heading(level: Swift.min(level, 3), text: text)
  }

  /// Whether `line` is a thematic break: three or more of `-`, `*` or `_`, spaces allowed between.
  static func isRule(_ line: String) -> Bool {
    let marks = line.filter { $0 != " " }
    guard indentation(of: line) < 4, marks.count >= 3, let first = marks.first, "-*_".contains(first) else {
      return false
    }
    return marks.allSatisfy { $0 == first }
  }

  /// The text of a quoted line without its `>` (and one space after it); nil if it is not quoted.
  static func quoted(_ line: String) -> String? {
    let indent = indentation(of: line)
    let rest = line.dropFirst(indent)
    guard indent < 4, rest.first == ">" else { return nil }
    let inner = rest.dropFirst()
    return String(inner.first == " " ? inner.dropFirst() : inner)
  }

  /// The alignments of a table's separator row (`|:---|:--:|---:|`); nil if `line` is not one.
  static func alignments(_ line: String) -> [MarkdownTableSource.Alignment]? {
    guard line.contains("-"), line.contains("|") || line.contains(":") else { return nil }
    var result: [MarkdownTableSource.Alignment] = []
    for cell in cells(line) {
      let left = cell.hasPrefix(":")
      let right = cell.hasSuffix(":")
      let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      result.append(left && right ? .centre : right ? .right : .left)
    }
    return result.isEmpty ? nil : result
  }

  /// The cells of a table row, trimmed: split at `|`s that are neither escaped nor inside a code
  /// span, the outer `|`s optional.
  static func cells(_ line: String) -> [String] {
    var cells: [String] = []
    var cell = ""
    var isEscaped = false
    var isInCode = false
    for character in line.trimmingCharacters(in: .whitespaces) {
      if character == "|" && !isEscaped && !isInCode {
        cells.append(cell)
        cell = ""
      } else {
        if character == "`" && !isEscaped { isInCode.toggle() }
        cell.append(character)
      }
      isEscaped = character == "\\" && !isEscaped
    }
    cells.append(cell)
    if cells.first?.allSatisfy({ $0 == " " }) == true { cells.removeFirst() }
    if cells.count > 1, cells.last?.allSatisfy({ $0 == " " }) == true { cells.removeLast() }
    return cells.map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// Whether `line` has nothing but spaces.
  static func isBlank(_ line: String) -> Bool {
    line.allSatisfy { $0 == " " }
  }

  /// The number of spaces before `line`'s first other character.
  static func indentation(of line: String) -> Int {
    line.prefix { $0 == " " }.count
  }
}
