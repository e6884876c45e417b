import LessonToolkit
import Testing

@Suite struct LessonAnswerTests {
  @Test func numbersAreKeptAsTextAndAsNumbers() {
    let sixteen = LessonAnswer(16)
    #expect(sixteen.text == "16" && sixteen.number == 16)
    #expect(LessonAnswer(Float(0.5)).number == 0.5)
    #expect(LessonAnswer("2.5").number == 2.5)
  }

  @Test func otherValuesAreKeptAsTheTextPrintShows() {
    let answer = LessonAnswer([1, 2])
    #expect(answer.text == "[1, 2]")
    #expect(answer.number == nil)
  }
}
