import Testing

@testable import TerminalUI

@Suite struct TextLayoutTests {
  @Test func paddingCountsDisplayColumns() {
    #expect(TextLayout.padded("猫", to: 4) == "猫  ")
    #expect(TextLayout.padded("e\u{0301}", to: 3, rightAligned: true) == "  e\u{0301}")
  }

  @Test func centringCountsDisplayColumns() {
    #expect(TextLayout.centred("猫", in: 6) == "  猫  ")
  }

  @Test func truncationCountsDisplayColumnsAndNeverSplitsAWideCharacter() {
    #expect(TextLayout.truncated("猫猫猫", to: 6) == "猫猫猫")
    #expect(TextLayout.truncated("猫猫猫", to: 5) == "猫猫…")
    #expect(TextLayout.truncated("猫猫猫", to: 4) == "猫…")
    #expect(TextLayout.truncated("café crème", to: 6) == "café…")
  }

  @Test func wrappingCountsDisplayColumns() {
    let lines = TextLayout.wrapped("猫 と 犬 are cats and dogs", width: 8)
    #expect(lines == ["猫 と 犬", "are cats", "and dogs"])
    #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 8 })
  }

  @Test func aLongWordIsCutBetweenWideCharacters() {
    #expect(TextLayout.wrapped("猫猫猫猫猫", width: 5) == ["猫猫", "猫猫", "猫"])
    #expect(TextLayout.wrapped("猫猫", width: 1) == ["猫", "猫"])
  }

  @Test func flowingCountsTheSeparatorAndItemsInColumns() {
    #expect(TextLayout.flowed(["猫猫", "犬犬"], width: 9, separator: " · ") == ["猫猫", "犬犬"])
    #expect(TextLayout.flowed(["猫猫", "犬犬"], width: 11, separator: " · ") == ["猫猫 · 犬犬"])
  }

  @Test func hangingTextWrapsUnderItsFirstLine() {
    #expect(
      TextLayout.hanging("count the bias too", first: "• ", rest: "  ", width: 12) == ["• count the", "  bias too"])
    #expect(TextLayout.hanging("a  b", first: "- ", rest: "  ", width: 12) == ["- a  b"])
    #expect(
      TextLayout.hanging("[None, 26, 26, 32]", first: "got ", rest: "    ", width: 14) == [
        "got [None, 26,", "    26, 32]",
      ])
  }
}
