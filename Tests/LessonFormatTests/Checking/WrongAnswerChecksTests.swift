import LessonScript
import Testing

@testable import LessonFormat

/// `wrong` divs, blank names and percentages: read into the script, or refused at their line.
@Suite struct WrongAnswerChecksTests {
  let numberQuestion = "::: challenge\nHow many?\n```swift question id=n kind=number accepts=percent\n32\n```\n"

  @Test func wrongAnswersReachTheStepWithWhatTheyMean() throws {
    let body =
      numberQuestion + "::: wrong answer=9\nThe grid drew nine.\n:::\n::: wrong answer=\">=1000\"\nPixels.\n:::\n:::"
    let step = try #require(EpisodeText.parse(body: body).script.steps.first)
    #expect(
      step.wrongAnswers == [
        WrongAnswer(pattern: .value("9"), feedback: "The grid drew nine."),
        WrongAnswer(pattern: .atLeast(1000), feedback: "Pixels."),
      ])
    guard case .question(let question) = step.kind else { throw Failure("not a question") }
    #expect(question.acceptsPercent)
  }

  @Test func aFillInNamesItsBlanksAndItsWrongAnswersNameABlank() throws {
    let body = """
      ::: challenge
      ```swift fill-in id=f blanks=Int,Int answers=16,3 names="number of filters,kernel size"
      let a = _____ + _____
      ```
      ```swift check
      try check("a", a, equals: 19)
      ```
      ::: wrong blank=2 answer=9
      Nine is the window's area, not its side.
      :::
      :::
      """
    let step = try #require(EpisodeText.parse(body: body).script.steps.first)
    guard case .fillIn(let fillIn, _) = step.kind else { throw Failure("not a fill-in") }
    #expect(fillIn.names == ["number of filters", "kernel size"])
    #expect(
      step.wrongAnswers == [
        WrongAnswer(pattern: .value("9"), blank: 2, feedback: "Nine is the window's area, not its side.")
      ])
    let missingBlank = bodyError(body.replacingOccurrences(of: "wrong blank=2 answer=9", with: "wrong answer=9"))
    #expect(missingBlank?.line == EpisodeText.line(8))
    #expect(missingBlank?.message.contains("say which one this answer is for, such as blank=1") == true)
    let pastTheEnd = bodyError(body.replacingOccurrences(of: "blank=2", with: "blank=3"))
    #expect(pastTheEnd?.message.contains("there is no blank 3") == true)
  }

  @Test func aWrongAnswerMustFitTheQuestion() {
    let notANumber = bodyError(numberQuestion + "::: wrong answer=many\nNo.\n:::\n:::")
    #expect(notANumber?.line == EpisodeText.line(6))
    #expect(notANumber?.message.contains("must be a number, or a comparison") == true)
    let choice = "::: challenge\n- a) yes\n- b) no\n```swift question id=c kind=choice\n\"a\"\n```\n"
    let notAChoice = bodyError(choice + "::: wrong answer=c\nNo.\n:::\n:::")
    #expect(notAChoice?.message.contains("one of the choices: a, b") == true)
    let nothingAsked = bodyError("::: challenge\nThink.\n::: wrong answer=1\nNo.\n:::\n:::")
    #expect(nothingAsked?.message.contains("this challenge asks nothing") == true)
    let outside = bodyError("::: wrong answer=1\nNo.\n:::")
    #expect(outside?.message.contains("move it directly inside that '::: challenge'") == true)
  }

  @Test func namesAndPercentagesAreChecked() {
    let names = bodyError(
      "::: challenge\n```swift fill-in id=f blanks=Int,Int answers=1,2 names=one\nlet a = _____ + _____\n```\n"
        + "```swift check\ntry check(\"a\", a, equals: 3)\n```\n:::")
    #expect(names?.message.contains("'names=' gives 1 name but 'blanks=' lists 2 types") == true)
    let percentOnText = bodyError("::: challenge\n```swift question id=t kind=text accepts=percent\n\"a\"\n```\n:::")
    #expect(percentOnText?.message.contains("applies only to kind=number questions") == true)
  }

  @Test func patternsReadAsAuthorsWriteThem() {
    #expect(AnswerPattern("9") == .value("9"))
    #expect(AnswerPattern("<10") == .below(10) && AnswerPattern("<= 10") == .atMost(10))
    #expect(AnswerPattern(">0.5") == .above(0.5) && AnswerPattern(">=1000") == .atLeast(1000))
    #expect(AnswerPattern("100..200") == .between(100, 200))
    #expect(AnswerPattern("200..100") == .value("200..100"), "an empty range is a value, and verify flags it")
    #expect(AnswerPattern("100..200").contains(150) && !AnswerPattern("100..200").contains(201))
  }
}

/// A test failure with a message.
struct Failure: Error {
  let message: String
  init(_ message: String) { self.message = message }
}
