import Foundation
import LessonEngine
import Testing

/// The write-code exercise commands on the test lesson's `test-sum`, compiling real learner files.
@Suite(.serialized) struct ExerciseCommandsTests {
  let fixture: TestLessonFixture
  let exercise: CodeExercise

  init() throws {
    fixture = try TestLessonFixture()
    exercise = try #require(fixture.lesson.codeExercise("test-sum"))
  }

  func commands(answering lines: [String] = []) -> ExerciseCommands {
    ExerciseCommands(lesson: fixture.lesson, input: ScriptedInput(lines), output: fixture.output)
  }

  @Test func startingCopiesTheStarterAndSaysWhatToDo() throws {
    try commands().start("test-sum")
    #expect(try String(contentsOfFile: exercise.workspaceFile, encoding: .utf8).contains("TODO"))
    #expect(fixture.captured.text.contains("Then: lesson check test-sum"))
    #expect(try fixture.lesson.progress().lastExercise == "test-sum")
  }

  @Test func theStarterFailsWithTheCheckThatFailedAndItsHint() throws {
    try commands().start("test-sum")
    let passed = try commands().check(nil)
    #expect(!passed)
    let text = fixture.captured.text
    #expect(text.contains("total of [1, 2, 3]"))
    #expect(text.contains("add up every value; sum() does it"))
    #expect(try fixture.lesson.progress().exercises["test-sum"]?.passed == false)
  }

  @Test func theSolutionPassesAndIsRecorded() throws {
    try commands().start("test-sum")
    try FileManager.default.removeItem(atPath: exercise.workspaceFile)
    try FileManager.default.copyItem(atPath: exercise.solution, toPath: exercise.workspaceFile)
    #expect(try commands().check("test-sum"))
    #expect(fixture.captured.text.contains("Well done"))
    #expect(try fixture.lesson.progress().exercises["test-sum"]?.passed == true)
  }

  @Test func aMistypedIDGetsASuggestion() {
    #expect(throws: LessonError.noSuchExercise("test-sun", suggestion: "test-sum")) {
      try commands().check("test-sun")
    }
  }

  @Test func theSolutionWaitsForAYesBeforeAPass() throws {
    try commands(answering: ["no"]).solution("test-sum")
    #expect(fixture.captured.text.contains("Not shown"))
    #expect(!fixture.captured.text.contains("tensor.sum()"))
    try commands(answering: ["yes"]).solution("test-sum")
    #expect(fixture.captured.text.contains("tensor.sum()"))
  }

  @Test func resetAsksThenRestoresTheStarter() throws {
    try commands().start("test-sum")
    try "broken".write(toFile: exercise.workspaceFile, atomically: true, encoding: .utf8)
    try commands(answering: ["n"]).reset("test-sum")
    #expect(try String(contentsOfFile: exercise.workspaceFile, encoding: .utf8) == "broken")
    try commands(answering: ["yes"]).reset("test-sum")
    #expect(try String(contentsOfFile: exercise.workspaceFile, encoding: .utf8).contains("TODO"))
  }

  @Test func hintsComeFromTheEpisode() throws {
    try commands().hint("test-sum", number: 1)
    #expect(fixture.captured.text.contains("Hint 1 of 2:"))
    #expect(fixture.captured.text.contains("sum()"))
  }

  @Test func theNextHintIsTheNextOneTheLearnerHasNotSeen() throws {
    try commands().hint("test-sum", number: nil)
    try commands().hint("test-sum", number: nil)
    let text = fixture.captured.text
    #expect(text.contains("Hint 1 of 2:") && text.contains("The next one: `lesson hint test-sum`"))
    #expect(text.contains("Hint 2 of 2:") && text.contains("That is the last hint."))
    #expect(try fixture.lesson.progress().hintsSeen["test-sum"] == 2)
  }

  @Test func questionsAndFillInsHaveHintsAndSolutionsToo() throws {
    try commands().hint("test-count", number: nil)
    #expect(fixture.captured.text.contains("`doubled` was made from `numbers`"))
    try commands(answering: ["yes"]).solution("test-conv")
    #expect(fixture.captured.text.contains("Blank 1 (number of filters): 8\n  Blank 2 (kernel size): 3\nWhy:"))
    #expect(try fixture.lesson.progress().exercises["test-conv"]?.solutionSeen == true)
    try commands(answering: ["yes"]).solution("test-word")
    #expect(fixture.captured.text.contains("Softmax turns scores into probabilities"))
    let unknown = #expect(throws: LessonError.self) { try commands().hint("test-cont", number: nil) }
    #expect(unknown == .noSuchExercise("test-cont", suggestion: "test-conv"))
  }

  @Test func verifyingAnEpisodeThatDoesNotExistNamesTheEpisodesThereAre() throws {
    let numbers = fixture.lesson.entries.map(\.script.number)
    let missing = (numbers.max() ?? 0) + 8
    let error = #expect(throws: LessonError.self) {
      try Verify(lesson: fixture.lesson, episodes: [missing], output: fixture.output).run()
    }
    #expect(error == .noSuchEpisode(missing, available: numbers))
    #expect(!fixture.captured.text.contains("Everything verifies."))
  }

  @Test func verifyPassesTheTestLesson() throws {
    #expect(try Verify(lesson: fixture.lesson, output: fixture.output).run())
    let text = fixture.captured.text
    #expect(text.contains("exercise test-sum: the starter fails its checks"))
    #expect(text.contains("exercise test-sum: the solution passes its checks"))
    #expect(text.contains("Everything verifies."))
  }
}
