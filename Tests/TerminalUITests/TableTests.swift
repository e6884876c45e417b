import Testing

@testable import TerminalUI

@Suite struct TableTests {
  let table = Table(
    columns: [.init("Name", upTo: 0.5), .init("Count", upTo: 1, .right)],
    rows: [["cats", "12"], ["dogs and wolves", "3"]],
    lineLength: 30)

  /// Columns at 0.5 and 1 of 30 characters ask for 15 + 15 plus padding and borders (37); rich
  /// takes the 7 extra from the columns in turn, rounding 3.5 to 4 first: cells of 13 and 14.
  @Test func boxDrawingWithAHeavyHeader() {
    #expect(
      table.lines(for: .plain()) == [
        "┏━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓",
        "┃ Name        ┃        Count ┃",
        "┡━━━━━━━━━━━━━╇━━━━━━━━━━━━━━┩",
        "│ cats        │           12 │",
        "├─────────────┼──────────────┤",
        "│ dogs and    │            3 │",
        "│ wolves      │              │",
        "└─────────────┴──────────────┘",
      ])
  }

  @Test func asciiWhenTheTerminalCannotShowUnicode() {
    let ascii = TerminalCapabilities(isTerminal: false, colors: .none, width: 80, usesUnicode: false)
    let lines = table.lines(for: ascii)
    #expect(lines.first == "+=============+==============+")
    #expect(lines[1] == "| Name        |        Count |")
    #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
  }

  @Test func everyLineHasTheRequestedLength() {
    for length in [40, 76, 88, 120] {
      let wide = Table(
        columns: [.init("A", upTo: 0.45), .init("B", upTo: 0.8), .init("C", upTo: 1, .right)], rows: [["x", "y", "z"]],
        lineLength: length)
      #expect(wide.lines(for: .plain()).allSatisfy { $0.count == length })
    }
  }

  @Test func localesThatAreNotUTF8GetASCII() {
    #expect(!TerminalCapabilities.detect(environment: ["LANG": "C"], isTerminal: true, terminalWidth: 80).usesUnicode)
    #expect(
      TerminalCapabilities.detect(environment: ["LANG": "en_GB.UTF-8"], isTerminal: true, terminalWidth: 80).usesUnicode
    )
    #expect(TerminalCapabilities.detect(environment: [:], isTerminal: true, terminalWidth: 80).usesUnicode)
    #expect(
      !TerminalCapabilities.detect(environment: ["TERM": "dumb"], isTerminal: true, terminalWidth: 80).usesUnicode)
  }

  @Test func wideCharactersArePaddedByTheirColumns() {
    let names = Table(
      columns: [.init("Class", upTo: 0.6), .init("Images", upTo: 1, .right)],
      rows: [["猫 cat", "12"], ["犬犬犬犬犬犬犬", "3"]],
      lineLength: 30)
    let lines = names.lines(for: .plain())
    #expect(lines.allSatisfy { TextLayout.visibleWidth($0) == 30 }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("│ 猫 cat ") })
  }
}
