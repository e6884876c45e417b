import Testing

@testable import LessonFormat

@Suite struct WhitespaceTests {
  @Test func trimmedRemovesSpacesAndTabsAtBothEnds() {
    #expect(" \t a b \t ".trimmed == "a b")
    #expect("".trimmed == "")
  }

  @Test func blankMeansOnlySpacesAndTabs() {
    #expect("".isBlank)
    #expect(" \t ".isBlank)
    #expect(!" x ".isBlank)
  }

  @Test func leadingSpacesDoNotCountTabs() {
    #expect("   x".leadingSpaceCount == 3)
    #expect("\tx".leadingSpaceCount == 0)
  }

  @Test func wordsSplitOnRunsOfSpacesAndTabs() {
    #expect(" lesson \t1000  10 ".words == ["lesson", "1000", "10"])
  }

  @Test func onlyASCIIDigitsAreDigits() {
    #expect(Character("7").isASCIIDigit)
    #expect(!Character("٧").isASCIIDigit)
  }
}
