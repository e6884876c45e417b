import LessonScript
import LessonToolkit
import Testing

@testable import LessonEngine

/// How answers are marked, and what a wrong one is told.
@Suite struct AnswerMarkingTests {
  let accuracy = Question(id: "a", kind: .number(tolerance: 0.005), acceptsPercent: true)
  let count = Question(id: "c", kind: .number(tolerance: 0))

  @Test func aFractionMayBeTypedAsAPercentageWhereTheQuestionSaysSo() {
    let answer = LessonAnswer(0.946)
    for typed in ["0.946", "0.95", "94.6", "94.6 %", "95%"] {
      #expect(AnswerMarking.isCorrect(typed, answer: answer, question: accuracy), "\(typed)")
    }
    #expect(!AnswerMarking.isCorrect("0.9", answer: answer, question: accuracy))
    #expect(
      !AnswerMarking.isCorrect("94.6", answer: answer, question: Question(id: "f", kind: .number(tolerance: 0.005))))
    #expect(AnswerMarking.isCorrect("18,453", answer: LessonAnswer(18453), question: count))
  }

  @Test func aWrongNumberIsToldItsDirectionWithoutTheAnswer() {
    #expect(AnswerMarking.numberFeedback(9, expected: 32, question: count) == "That is too low.")
    #expect(AnswerMarking.numberFeedback(784_000, expected: 18453, question: count).hasPrefix("That is far too high"))
    #expect(AnswerMarking.numberFeedback(1, expected: 32, question: count).hasPrefix("That is far too low"))
    #expect(AnswerMarking.numberFeedback(18000, expected: 18453, question: count) == "Close, but a little too low.")
    #expect(
      AnswerMarking.numberFeedback(94.6, expected: 0.946, question: Question(id: "f", kind: .number(tolerance: 0.005)))
        .contains("looks like a percentage"))
  }

  @Test func declaredWrongAnswersMatchByValueComparisonOrChoice() {
    let wrongs = [
      WrongAnswer(pattern: .value("9"), feedback: "nine"), WrongAnswer(pattern: .atLeast(1000), feedback: "pixels"),
    ]
    #expect(AnswerMarking.declaredWrongAnswer(" 9 ", among: wrongs, question: count)?.feedback == "nine")
    #expect(AnswerMarking.declaredWrongAnswer("25,088", among: wrongs, question: count)?.feedback == "pixels")
    #expect(AnswerMarking.declaredWrongAnswer("16", among: wrongs, question: count) == nil)
    let choice = Question(
      id: "ch", kind: .choice, choices: [.init(letter: "a", text: "yes"), .init(letter: "b", text: "no")])
    let choiceWrongs = [WrongAnswer(pattern: .value("b"), feedback: "not that one")]
    #expect(AnswerMarking.declaredWrongAnswer("no", among: choiceWrongs, question: choice)?.feedback == "not that one")
    let blankWrongs = [WrongAnswer(pattern: .value("relu"), blank: 3, feedback: "a hidden layer's")]
    #expect(AnswerMarking.declaredWrongAnswer(".ReLU", among: blankWrongs, question: nil, blank: 3) != nil)
    #expect(AnswerMarking.declaredWrongAnswer("relu", among: blankWrongs, question: nil, blank: 2) == nil)
  }

  @Test func answersAreShownToThePlacesTheToleranceAsksFor() {
    #expect(EpisodeSession.shown(LessonAnswer(0.94599998), for: accuracy) == "0.95")
    #expect(EpisodeSession.shown(LessonAnswer(18453), for: count) == "18453")
    #expect(
      EpisodeSession.shown(LessonAnswer(0.023666666666666725), for: Question(id: "g", kind: .number(tolerance: 0.0005)))
        == "0.024")
  }
}
