import CNN
import CNNTestSupport
import Foundation
import LessonEngine
import Testing

/// A walk of the test lesson driven by piped input, checked step by step.
@Suite(.isolatedSession) struct LessonWalkTests {
  @Test func aScriptedWalkRunsEveryKindOfStep() throws {
    let fixture = try TestLessonFixture()
    let walk = try fixture.walk([
      "",  // step 1: run
      "b", "",  // step 2: go back once, then run
      "7", "3",  // fill-in: a wrong number of filters
      "h", "",  // a hint, then try again
      "8",  // only the wrong blank is asked again
      "8", "",  // question: a wrong answer the lesson expects, try again
      "4",  // right
      "75",  // a fraction, answered as a percentage
      "c", "",  // choice: wrong, try again
      "b",  // right
      "sigmoid", "",  // text: wrong, try again
      " Softmax ",  // right, whatever the case and spaces
    ])
    let text = walk.text
    #expect(walk.finished, "\(text)")
    #expect(walk.unread == 0)
    #expect(text.contains("Steps share state"))
    #expect(text.contains("sum: 10.0"))
    #expect(text.contains("doubled: [2.0, 4.0, 6.0, 8.0]"))
    #expect(text.contains("Back to step 1 of"))
    #expect(text.contains("let broken = Tensor("))
    #expect(text.contains("✗ output shape — expected [8, 8, 8], got [8, 8, 7]"), "\(text)")
    #expect(text.contains("Likely mistake: a 3×3 kernel shrinks each side by 2"))
    #expect(text.contains("Hint 1 of 1:"))
    #expect(text.contains("Filters come first, then the kernel size."))
    #expect(text.contains("Blank 1 of 2, number of filters: 7"))
    #expect(text.contains("Each filter makes one channel of the output"), "the feedback declared for 7")
    #expect(text.contains("The other blanks are right; type this one again.\nBlank 1 of 2, number of filters: 8"))
    #expect(text.contains("Why:\nEight filters make eight channels"), "a pass shows the explanation")
    #expect(text.contains("That is its largest value; count the values instead."))
    #expect(text.contains("✓ Right: 4.\nWhy:\nDoubling changes each value"))
    #expect(text.contains("✓ Right: 0.75."))
    #expect(text.contains("Softmax keeps every value, turned into a probability."))
    #expect(text.contains("✓ Right: b."))
    #expect(text.contains("Not quite: \"sigmoid\" is not the answer."))
    #expect(text.contains("✓ Right: softmax."))
    #expect(
      text.contains("── Exercise: write code ──\nWrite `total(of:)`"), "the exercise's title replaces its challenge's")
    #expect(text.contains("`lesson exercise test-sum`"))
    #expect(text.contains("Key points"))
    #expect(!text.contains("An instructor note"))
    #expect(!text.contains("try check("), "checks are not shown to learners")
    #expect(text.contains("✓ Episode 1 complete"))
    #expect(text.contains("That was the last episode. `lesson list` shows every exercise"), "what comes next")
    let progress = try fixture.lesson.progress()
    #expect(progress.episodes[1] == .done)
    #expect(progress.exercises["test-conv"]?.passed == true)
    #expect(progress.exercises["test-count"]?.passed == true)
    #expect(progress.exercises["test-word"]?.passed == true)
  }

  @Test func quittingKeepsThePlace() throws {
    let fixture = try TestLessonFixture()
    let walk = try fixture.walk(["", "q"])
    #expect(!walk.finished)
    #expect(walk.text.contains("Your place is kept: episode 1, step 2."))
    #expect(try fixture.lesson.progress().current?.step == 2)
  }

  @Test func theEndOfInputKeepsThePlaceToo() throws {
    let fixture = try TestLessonFixture()
    let walk = try fixture.walk([""])
    #expect(!walk.finished)
    #expect(walk.text.contains("Your place is kept: episode 1, step 2."))
  }

  @Test func withoutPausesStepsRunStraightThroughUntilAnExercise() throws {
    let fixture = try TestLessonFixture()
    let walk = try fixture.walk(["8", "3", "4", "0.75", "b", "softmax"], options: WalkOptions(pauses: false))
    #expect(walk.finished, "\(walk.text)")
    #expect(walk.text.contains("sum: 10.0"))
    #expect(!walk.text.contains("[Enter] run"))
  }

  /// `--no-pause` where nobody can type: each fill-in and question is shown with its answer and
  /// explanation, and the walk reaches the end without reading a line.
  @Test func withoutPausesOrAnyoneTypingEachAnswerIsShownAndTheWalkGoesOn() throws {
    let fixture = try TestLessonFixture()
    let walk = try fixture.walk(["q"], options: WalkOptions(pauses: false, showsAnswers: true))
    #expect(walk.finished, "\(walk.text)")
    #expect(walk.unread == 1, "nothing was read")
    #expect(!walk.text.contains("Your answer:") && !walk.text.contains("Blank 1 of 2"))
    #expect(walk.text.contains("The solution: blank 1 (number of filters) = 8, blank 2 (kernel size) = 3"))
    #expect(walk.text.contains("✓ output shape"), "the fill-in ran with its solution")
    for answer in ["4", "0.75", "b) relu", "softmax"] {
      #expect(walk.text.contains("The answer: \(answer)."), "\(answer)")
    }
    #expect(walk.text.components(separatedBy: "Why:").count - 1 == 5, "five explanations")
    let progress = try fixture.lesson.progress()
    for id in ["test-conv", "test-count", "test-fraction", "test-choice", "test-word"] {
      #expect(progress.exercises[id]?.solutionSeen == true && progress.exercises[id]?.passed == false, "\(id)")
    }
  }

  /// Without pauses, questions are asked where someone types at a terminal, and answered where
  /// the input is a pipe or a file; with pauses, always asked.
  @Test func withoutPausesAnswersAreShownOnlyWhereTheInputIsNotATerminal() {
    final class Keyboard: LineInput {
      func readLine() -> String? { nil }
      var echoes: Bool { false }
    }
    let piped = ScriptedInput([])
    #expect(WalkOptions.start(pauses: false, firstStep: 1, input: piped).showsAnswers)
    #expect(!WalkOptions.start(pauses: false, firstStep: 1, input: Keyboard()).showsAnswers)
    #expect(!WalkOptions.start(pauses: true, firstStep: 1, input: piped).showsAnswers)
    #expect(WalkOptions.start(pauses: false, firstStep: 3, input: piped).firstStep == 3)
  }

  @Test func startingFromALaterStepRunsTheEarlierOnesQuietly() throws {
    let fixture = try TestLessonFixture()
    let walk = try fixture.walk(["", "8", "3", "4", "0.75", "b", "softmax"], options: WalkOptions(firstStep: 2))
    #expect(walk.finished, "\(walk.text)")
    #expect(!walk.text.contains("sum: 10.0"), "step 1 ran quietly")
    #expect(walk.text.contains("doubled: [2.0, 4.0, 6.0, 8.0]"), "its state reached step 2")
  }

  @Test func startingFromAStepPastTheEndSaysHowManyStepsThereAreAndRecordsNothing() throws {
    let fixture = try TestLessonFixture()
    let stepCount = try #require(fixture.lesson.entry(1)).script.steps.count
    let error = #expect(throws: LessonError.self) { try fixture.walk([], options: WalkOptions(firstStep: 999)) }
    #expect(error == .noSuchStep(999, episode: 1, stepCount: stepCount))
    #expect(error?.description.contains("has \(stepCount) steps") == true, "\(error?.description ?? "")")
    #expect(try fixture.lesson.progress().episodes[1] == nil, "the episode is not marked done")
  }

  @Test(.enabled(if: getuid() != 0, "the superuser may write into a read-only folder"))
  func progressThatCannotBeSavedIsReportedOnceAndTheWalkGoesOn() throws {
    let fixture = try TestLessonFixture()
    try FileManager.default.createDirectory(atPath: fixture.lesson.workspace, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: fixture.lesson.workspace)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.lesson.workspace) }
    let walk = try fixture.walk(["8", "3", "4", "0.75", "b", "softmax"], options: WalkOptions(pauses: false))
    #expect(walk.finished, "\(walk.text)")
    #expect(walk.text.components(separatedBy: "Could not save your progress to").count - 1 == 1, "\(walk.text)")
  }

  @Test func skippingAStepRunsItWithoutShowingItsOutput() throws {
    let fixture = try TestLessonFixture()
    let walk = try fixture.walk(["s", "", "8", "3", "4", "0.75", "b", "softmax"])
    #expect(walk.finished)
    #expect(!walk.text.contains("sum: 10.0"))
    #expect(walk.text.contains("doubled: [2.0, 4.0, 6.0, 8.0]"))
  }

  @Test func aBlankThatIsNotAValueIsExplained() throws {
    let fixture = try TestLessonFixture()
    let walk = try fixture.walk(["", "", "", "eight", "3", "8", "4", "0.75", "b", "softmax"])
    #expect(walk.finished, "\(walk.text)")
    #expect(walk.text.contains("Blank 1 (number of filters): \"eight\" is not a whole number, such as 16."))
    #expect(walk.text.contains("\nBlank 1 of 2, number of filters: 8\n"), "only that blank is asked again")
    #expect(walk.text.contains("Blank 1 of 2, number of filters: \nType a value, or q to stop.\n"), "an empty blank")
  }

  @Test func feedbackLinesFitANarrowTerminal() throws {
    let fixture = try TestLessonFixture()
    let captured = CapturedOutput()
    let input = ScriptedInput(["", "", "7", "3", "s", "8", "s", "0.75", "c", "s", "softmax"])
    _ = try LessonRunner(lesson: fixture.lesson, input: input, output: captured.output(isTerminal: false, columns: 40))
      .start(episode: 1)
    let lines = captured.text.split(separator: "\n").map(String.init)
    for marker in ["The solution:", "The answer is", "That was the last episode", "Each filter makes", "Why:"] {
      let start = try #require(lines.firstIndex { $0.hasPrefix(marker) }, "\(marker)")
      let long = lines[start...].prefix(4).filter { $0.count > 40 && !$0.hasPrefix("  ") }
      #expect(long.isEmpty, "\(marker): \(long)")
    }
  }

  @Test func qQuitsAtAnAnswerOrABlankAndIsNeverTakenAsAnAnswer() throws {
    let atBlank = try TestLessonFixture()
    let first = try atBlank.walk(["", "", "q"])
    #expect(!first.finished && first.unread == 0)
    #expect(first.text.contains("Your place is kept: episode 1, step 3."), "\(first.text)")
    #expect(try atBlank.lesson.progress().exercises["test-conv"] == nil, "q is not a value for the blank")
    let atAnswer = try TestLessonFixture()
    let second = try atAnswer.walk(["", "", "8", "3", " Q "])
    #expect(!second.finished && second.text.contains("Your place is kept: episode 1, step 4."))
    #expect(!second.text.contains("is not the answer"))
    #expect(try atAnswer.lesson.progress().exercises["test-count"] == nil, "q is not a wrong answer")
  }
}
