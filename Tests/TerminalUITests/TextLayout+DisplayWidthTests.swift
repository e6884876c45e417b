import Testing

@testable import TerminalUI

@Suite struct TextLayoutDisplayWidthTests {
  @Test func asciiTakesOneColumnACharacter() {
    #expect(TextLayout.visibleWidth("imageSize: [28, 28]") == 19)
  }

  @Test func chineseJapaneseAndKoreanTakeTwoColumnsACharacter() {
    #expect(TextLayout.visibleWidth("猫") == 2)
    #expect(TextLayout.visibleWidth("ねこ cat") == 8)
    #expect(TextLayout.visibleWidth("고양이") == 6)
    #expect(TextLayout.visibleWidth("ＡＢ") == 4)
  }

  @Test func emojiDrawnAsPicturesTakeTwoColumns() {
    #expect(TextLayout.visibleWidth("🐱") == 2)
    #expect(TextLayout.visibleWidth("❤️") == 2)
    #expect(TextLayout.visibleWidth("👩‍👩‍👧") == 2)
    #expect(TextLayout.visibleWidth("🇬🇧") == 2)
  }

  @Test func combiningMarksRideOnTheirBase() {
    #expect(TextLayout.visibleWidth("e\u{0301}te\u{0301}") == 3)
    #expect(TextLayout.visibleWidth("\u{0301}") == 0)
  }

  @Test func escapeSequencesAndControlsTakeNoColumns() {
    #expect(TextLayout.visibleWidth("\u{1B}[1m\u{1B}[38;2;255;0;0mred\u{1B}[0m") == 3)
    #expect(TextLayout.visibleWidth("\u{1B}[38;5;101m██\u{1B}[0m") == 2)
    #expect(TextLayout.visibleWidth("\u{1B}]8;;https://keras.io\u{07}Keras\u{1B}]8;;\u{1B}\\") == 5)
    #expect(TextLayout.visibleWidth("a\tb\r\u{7}") == 2)
  }

  @Test func boxDrawingBlocksAndBrailleTakeOneColumn() {
    #expect(TextLayout.visibleWidth("┏━┳┓│├┤└┘") == 9)
    #expect(TextLayout.visibleWidth("▁▂▃█░▒") == 6)
    #expect(TextLayout.visibleWidth("⣿⡇·…✓↪") == 6)
  }

  @Test func aPrefixLeavesOutAWideCharacterThatWouldStraddleTheEdge() {
    #expect(TextLayout.prefix("ab猫cd", fitting: 3) == "ab")
    #expect(TextLayout.prefix("ab猫cd", fitting: 4) == "ab猫")
  }
}
