import Testing

@testable import LessonFormat

@Suite struct WordingTests {
  @Test func quotedListsReadAsASentence() {
    #expect(Wording.quotedList([]) == "")
    #expect(Wording.quotedList(["a"]) == "'a'")
    #expect(Wording.quotedList(["a", "b"]) == "'a' and 'b'")
    #expect(Wording.quotedList(["a", "b", "c"]) == "'a', 'b' and 'c'")
  }

  @Test func countsAgreeWithTheirNoun() {
    #expect(Wording.count(1, "blank") == "1 blank")
    #expect(Wording.count(0, "blank") == "0 blanks")
    #expect(Wording.count(2, "box", plural: "boxes") == "2 boxes")
  }

  @Test func articlesFollowTheFirstLetter() {
    #expect(Wording.withArticle("hint", "div") == "a 'hint' div")
    #expect(Wording.withArticle("exercise", "div") == "an 'exercise' div")
  }

  @Test func unknownNamesGetASuggestionOnlyWhenOneIsClose() {
    #expect(
      Wording.unknown("unknown key 'titel'", found: "titel", among: ["title"], then: "Known: 'title'")
        == "unknown key 'titel'; did you mean 'title'? Known: 'title'")
    #expect(
      Wording.unknown("unknown key 'zzz'", found: "zzz", among: ["title"], then: "Known: 'title'")
        == "unknown key 'zzz'. Known: 'title'")
  }
}
