import Foundation
import TextTools

/// One block of Markdown prose: what a blank line separates. Lists and quotes hold blocks of their
/// own, parsed the same way from their dedented lines.
enum MarkdownBlock: Equatable, Sendable {
  /// `#`, `##` or `###` (deeper headings count as `###`).
  case heading(level: Int, text: String)
  /// Running text, its source lines joined by spaces.
  case paragraph(String)
  /// A bulleted or numbered list.
  case list(MarkdownList)
  /// A fenced code block: the first word of its info string (`swift`, `output`, or empty) and its
  /// lines, as written.
  case code(language: String, lines: [String])
  /// A block quote (`>`), and what it quotes.
  indirect case quote([MarkdownBlock])
  /// A table with a header row.
  case table(MarkdownTableSource)
  /// A thematic break (`---`).
  case rule
}

/// A list: its items, each a list of blocks.
struct MarkdownList: Equatable, Sendable {
  /// The first item's number for a numbered list; nil for bullets.
  var start: Int?
  /// The items' content.
  var items: [[MarkdownBlock]]
  /// Whether blank lines separate the items (or the blocks within one), as they will on screen.
  var isLoose: Bool
}

/// A table as written: header cells, alignments and rows of cells, still in inline Markdown.
struct MarkdownTableSource: Equatable, Sendable {
  /// Where a column's text sits, from the separator row (`:--`, `:-:`, `--:`).
  enum Alignment: Equatable, Sendable {
    case left, centre, right
  }

  var header: [String]
  var alignments: [Alignment]
  /// Rows with exactly as many cells as the header.
  var rows: [[String]]
}

/// Splits Markdown prose into blocks, a line at a time, in the spirit of CommonMark: fenced code,
/// headings, thematic breaks, quotes, lists (nested by indentation), GitHub-style tables and
/// paragraphs. Tabs count as four spaces; indented code blocks are not recognised (a lesson fences
/// its code), so indented text is ordinary text.
struct MarkdownBlockParser {
  private let lines: [String]
  private var index = 0

  /// The blocks of `markdown`.
  static func blocks(in markdown: String) -> [MarkdownBlock] {
    let lines = markdown.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    return blocks(of: lines.map { $0.replacingOccurrences(of: "\t", with: "    ") })
  }

  /// The blocks of `lines`, which have no line breaks or tabs.
  static func blocks(of lines: [String]) -> [MarkdownBlock] {
    var parser = MarkdownBlockParser(lines: lines)
    return parser.parseBlocks()
  }

  private init(lines: [String]) {
    self.lines = lines
  }

  // MARK: - Blocks

  private mutating func parseBlocks() -> [MarkdownBlock] {
    var blocks: [MarkdownBlock] = []
    while index < lines.count {
      let line = lines[index]
      if Self.isBlank(line) {
        index += 1
      } else if let fence = CodeFence(openingLine: line) {
        blocks.append(parseCode(fence))
      } else if let heading = Self.heading(line) {
        blocks.append(heading)
        index += 1
      } else if Self.isRule(line) {
        blocks.append(.rule)
        index += 1
      } else if Self.quoted(line) != nil {
        blocks.append(parseQuote())
      } else if let marker = ListMarker(line) {
        blocks.append(.list(parseList(marker)))
      } else if let table = parseTable() {
        blocks.append(.table(table))
      } else {
        blocks.append(parseParagraph())
      }
    }
    return blocks
  }

  private mutating func parseCode(_ fence: CodeFence) -> MarkdownBlock {
    index += 1
    var code: [String] = []
    while index < lines.count, !fence.isClosed(by: lines[index]) {
      code.append(fence.content(of: lines[index]))
      index += 1
    }
    index += 1
    while code.first.map(Self.isBlank) == true { code.removeFirst() }
    while code.last.map(Self.isBlank) == true { code.removeLast() }
    return .code(language: fence.language, lines: code)
  }

  private mutating func parseQuote() -> MarkdownBlock {
    var quoted: [String] = []
    while index < lines.count {
      if let inner = Self.quoted(lines[index]) {
        quoted.append(inner)
      } else if !Self.isBlank(lines[index]), quoted.last.map(Self.isBlank) == false, !startsBlock(at: index) {
        quoted.append(lines[index])  // a lazy continuation of the quoted paragraph
      } else {
        break
      }
      index += 1
    }
    return .quote(Self.blocks(of: quoted))
  }

  /// A list starting with `first` at the current line. An item holds the lines indented past its
  /// marker (dedented to its text, so a nested list is a list again) and lazy continuation lines;
  /// a marker no more indented than the first starts the next item.
  private mutating func parseList(_ first: ListMarker) -> MarkdownList {
    var items: [[String]] = []
    var current = [first.text]
    var marker = first
    var isLoose = false
    var afterBlank = false
    index += 1
    while index < lines.count {
      let line = lines[index]
      let indent = Self.indentation(of: line)
      if Self.isBlank(line) {
        current.append("")
        afterBlank = true
      } else if indent > marker.indent {
        if afterBlank { isLoose = true }
        current.append(String(line.dropFirst(Swift.min(indent, marker.textColumn))))
        afterBlank = false
      } else if let next = ListMarker(line), next.isNumbered == first.isNumbered {
        if afterBlank { isLoose = true }
        items.append(current)
        current = [next.text]
        marker = next
        afterBlank = false
      } else if !afterBlank && !startsBlock(at: index) {
        current.append(line)
      } else {
        break
      }
      index += 1
    }
    items.append(current)
    return MarkdownList(start: first.number, items: items.map(Self.blocks(of:)), isLoose: isLoose)
  }

  private mutating func parseTable() -> MarkdownTableSource? {
    guard index + 1 < lines.count, lines[index].contains("|"),
      let alignments = Self.alignments(lines[index + 1])
    else { return nil }
    let header = Self.cells(lines[index])
    guard header.count == alignments.count else { return nil }
    index += 2
    var rows: [[String]] = []
    while index < lines.count, !Self.isBlank(lines[index]), lines[index].contains("|") {
      let cells = Self.cells(lines[index])
      rows.append((0..<header.count).map { $0 < cells.count ? cells[$0] : "" })
      index += 1
    }
    return MarkdownTableSource(header: header, alignments: alignments, rows: rows)
  }

  private mutating func parseParagraph() -> MarkdownBlock {
    var text: [String] = [lines[index].trimmingCharacters(in: .whitespaces)]
    index += 1
    while index < lines.count, !Self.isBlank(lines[index]), !startsBlock(at: index) {
      text.append(lines[index].trimmingCharacters(in: .whitespaces))
      index += 1
    }
    return .paragraph(text.joined(separator: " "))
  }

  /// Whether the line at `position` begins a block other than a paragraph, and so ends one.
  private func startsBlock(at position: Int) -> Bool {
    let line = lines[position]
    if CodeFence(openingLine: line) != nil || Self.heading(line) != nil || Self.isRule(line) || Self.quoted(line) != nil
    {
      return true
    }
    if ListMarker(line) != nil { return true }
    return position + 1 < lines.count && line.contains("|") && Self.alignments(lines[position + 1]) != nil
  }
}
