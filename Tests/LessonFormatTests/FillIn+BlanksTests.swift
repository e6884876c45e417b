import LessonScript
import Testing

@testable import LessonFormat

@Suite struct FillInBlanksTests {
  @Test func countsRunsOfFiveOrMoreUnderscores() {
    #expect(FillIn.blankCount(in: "f(_____, __________)") == 2)
    #expect(FillIn.blankCount(in: "_____") == 1)
    #expect(FillIn.blankCount(in: "a\n_____\n_____") == 2)
  }

  @Test func shorterRunsAreNotBlanks() {
    #expect(FillIn.blankCount(in: "__init__ ____ x_y") == 0)
  }
}
