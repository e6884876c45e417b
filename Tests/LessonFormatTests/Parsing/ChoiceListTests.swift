import Testing

@testable import LessonFormat

@Suite struct ChoiceListTests {
  /// The choices as (letter, text) strings, for comparison.
  func choices(_ prose: String) -> [String] {
    ChoiceList.trailingChoices(in: prose).map { "\($0.letter)) \($0.text)" }
  }

  @Test func readsTheListThatEndsTheProse() {
    #expect(choices("Which one?\n\n- a) `Conv2D`\n- b) `MaxPooling2D`") == ["a) `Conv2D`", "b) `MaxPooling2D`"])
  }

  @Test func acceptsOtherBulletsBlankLinesAndContinuations() {
    let prose = "Pick:\n* a) max\n  pooling\n\n+ b) average"
    #expect(choices(prose) == ["a) max pooling", "b) average"])
  }

  @Test func onlyTheLastListCounts() {
    #expect(choices("- a) old\n- b) list\n\nText.\n\n- c) new\n- d) list") == ["c) new", "d) list"])
  }

  @Test func textAfterTheListMeansNoChoices() {
    #expect(choices("- a) one\n- b) two\n\nPick one.").isEmpty)
  }

  @Test(arguments: [
    "- A) upper", "- a. dot", "- ab) two letters", "-a) no space", "- a)no space", "- a)", "a) no bullet",
  ])
  func linesThatAreNotItems(line: Substring) {
    #expect(ChoiceList.item(line) == nil)
  }
}
