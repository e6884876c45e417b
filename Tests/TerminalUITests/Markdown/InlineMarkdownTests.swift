import Testing

@testable import TerminalUI

@Suite struct InlineMarkdownTests {
  func plain(_ markdown: String, width: Int = 80) -> [String] {
    InlineMarkdown(markdown).lines(width: width, .plain(width: width))
  }

  @Test func emphasisMarkersAreRemovedInPlainMode() {
    #expect(plain("*one* _two_ **three** __four__ ***five***") == ["one two three four five"])
    #expect(plain("a *nested **strong** word* here") == ["a nested strong word here"])
  }

  @Test func markersThatOpenNothingStayAsWritten() {
    #expect(plain("2 * 3 * 4, image_dataset_from_directory, a*") == ["2 * 3 * 4, image_dataset_from_directory, a*"])
    #expect(plain("\\*not emphasis\\*") == ["*not emphasis*"])
  }

  @Test func codeKeepsItsBackticksInPlainModeAndItsContentAsWritten() {
    #expect(plain("call `fit(_:epochs:)` with `*args*`") == ["call `fit(_:epochs:)` with `*args*`"])
    #expect(plain("``a ` b``") == ["`a ` b`"])
  }

  @Test func linksShowTheirTextThenTheAddress() {
    #expect(plain("see [the *Keras* guide](https://keras.io \"Keras\")") == ["see the Keras guide (https://keras.io)"])
    #expect(
      plain("[https://swift.org](https://swift.org) and <https://keras.io>") == [
        "https://swift.org and https://keras.io"
      ])
  }

  @Test func wrappingKeepsWordsWhole() {
    let text = "The quick brown fox jumps over the lazy dog while a convolutional network watches."
    for width in [13, 15, 20, 33] {
      let lines = plain(text, width: width)
      #expect(lines.allSatisfy { $0.count <= width })
      #expect(lines.joined(separator: " ").split(separator: " ") == text.split(separator: " "))
    }
  }

  @Test func aWordLongerThanALineIsCut() {
    #expect(plain("a supercalifragilistic b", width: 8) == ["a", "supercal", "ifragili", "stic b"])
  }

  @Test func colourStylesEachSpanAndEndsEveryLineReset() {
    let capabilities = ChartTestSupport.colour(width: 13)
    let lines = InlineMarkdown("plain *it* **bold** `code` words").lines(width: 13, capabilities)
    let code = ChartTestSupport.foregroundCode(MarkdownStyle.code)
    #expect(lines == ["plain \u{1B}[3mit\u{1B}[0m \u{1B}[1mbold\u{1B}[0m", code + "code\u{1B}[0m words"])
  }

  @Test func stylesSpanTheSpacesInsideThemButStopAtTheLineEnd() {
    let lines = InlineMarkdown("**two words**").lines(width: 4, ChartTestSupport.colour(width: 4))
    #expect(lines == ["\u{1B}[1mtwo\u{1B}[0m", "\u{1B}[1mword\u{1B}[0m", "\u{1B}[1ms\u{1B}[0m"])
  }

  @Test func plainTextIsWhatATableCellHolds() {
    #expect(InlineMarkdown("**`Conv2D`** [docs](u)").plainText == "`Conv2D` docs (u)")
  }
}
