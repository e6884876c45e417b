import Testing

@testable import TerminalUI

@Suite struct MarkdownTableTests {
  let source = MarkdownTableSource(
    header: ["Layer", "Output shape", "Param #"], alignments: [.left, .centre, .right],
    rows: [["`Conv2D`", "(None, 30, 30, 16)", "448"], ["**Dense**", "(None, 10)", "5,130"]])

  /// Natural widths 8, 18 and 7 plus padding and borders: 3·3 + 1 + 33 = 43 columns.
  @Test func columnsAreAsWideAsTheirLongestCellAndRowsHaveNoRulesBetweenThem() {
    #expect(
      MarkdownTable(source).lines(width: 80, .plain()) == [
        "┏━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┓",
        "┃ Layer    ┃ Output shape       ┃ Param # ┃",
        "┡━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━┩",
        "│ `Conv2D` │ (None, 30, 30, 16) │     448 │",
        "│ Dense    │ (None, 10)         │   5,130 │",
        "└──────────┴────────────────────┴─────────┘",
      ])
  }

  /// 30 columns leave 20 for text: the widest column shrinks to its longest word, "(None," (6),
  /// then "Param #" gives one; the rows wrap, so rules separate them again.
  @Test func theWidestColumnShrinksFirstAndWrappedRowsGetRules() {
    #expect(
      MarkdownTable(source).lines(width: 30, .plain()) == [
        "┏━━━━━━━━━━┳━━━━━━━━┳━━━━━━━━┓",
        "┃ Layer    ┃ Output ┃  Param ┃",
        "┃          ┃ shape  ┃      # ┃",
        "┡━━━━━━━━━━╇━━━━━━━━╇━━━━━━━━┩",
        "│ `Conv2D` │ (None, │    448 │",
        "│          │ 30,    │        │",
        "│          │ 30,    │        │",
        "│          │ 16)    │        │",
        "├──────────┼────────┼────────┤",
        "│ Dense    │ (None, │  5,130 │",
        "│          │ 10)    │        │",
        "└──────────┴────────┴────────┘",
      ])
  }

  @Test func fittingGivesUpWholeWordsOnlyWhenItMust() {
    #expect(MarkdownTable.fitted([10, 4], longestWord: [5, 4], into: 20) == [10, 4])
    #expect(MarkdownTable.fitted([10, 4], longestWord: [5, 4], into: 10) == [6, 4])
    #expect(MarkdownTable.fitted([10, 4], longestWord: [5, 4], into: 6) == [3, 3])
  }

  @Test func tooNarrowForColumnsItBecomesLinesOfHeaderAndValue() {
    #expect(
      MarkdownTable(source).lines(width: 24, .plain()) == [
        "Layer: `Conv2D`", "Output shape: (None, 30,", "30, 16)", "Param #: 448", "", "Layer: Dense",
        "Output shape: (None, 10)", "Param #: 5,130",
      ])
  }

  @Test func asciiTerminalsGetAsciiBorders() {
    let ascii = TerminalCapabilities(isTerminal: false, colors: .none, width: 80, usesUnicode: false)
    let lines = MarkdownTable(source).lines(width: 80, ascii)
    #expect(lines.count == 6)
    #expect(lines.last == "+----------+--------------------+---------+")
    #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
  }

  @Test func wideCharactersCountTwoColumnsAt40() {
    let classes = MarkdownTableSource(
      header: ["Class", "Example"], alignments: [.left, .left],
      rows: [["猫 (cat)", "猫がソファで寝ている写真、窓の光"], ["犬 (dog)", "公園を走る犬"]])
    let lines = MarkdownTable(classes).lines(width: 40, .plain())
    #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 40 }, "\(lines)")
    #expect(Set(lines.map(TextLayout.visibleWidth)).count == 1, "every line of a table is as wide: \(lines)")
  }
}
