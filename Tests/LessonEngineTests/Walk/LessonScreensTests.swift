import CNN
import CNNTestSupport
import Foundation
import LessonEngine
import TerminalUI
import Testing

@Suite(.isolatedSession) struct LessonScreensTests {
  @Test func listAndStatusShowProgress() throws {
    let fixture = try TestLessonFixture()
    _ = try fixture.walk(["", "", "8", "3", "q"])
    let list = ListScreen(lesson: fixture.lesson, progress: try fixture.lesson.progress()).lines(for: .plain())
    #expect(
      list.contains { $0.contains("1. Every kind of block") && $0.contains("10 min") && $0.contains("step 4 of 7") })
    #expect(list.contains("Exercises (1 of 6 done)"))
    #expect(list.contains("  [✓] test-conv (episode 1)"))
    #expect(
      ListScreen.statusLine(lesson: fixture.lesson, progress: try fixture.lesson.progress())
        == "episode 1 · step 4/7 · exercises 1/6")
  }

  @Test func progressIsAFileAPersonCanRead() throws {
    let fixture = try TestLessonFixture()
    _ = try fixture.walk(["", "", "8", "3", "q"])
    let text = try String(contentsOfFile: fixture.lesson.workspace + "/progress.txt", encoding: .utf8)
    #expect(text.contains("current: episode 1, step 4\n"))
    #expect(text.contains("episode 1: step 4 of 7\n"))
    #expect(text.contains("exercise test-conv: passed\n"))
    let reloaded = try ProgressStore(path: fixture.lesson.workspace + "/progress.txt")
    #expect(reloaded.text == text)
  }

  @Test func carryingOnResumesAtTheKeptStep() throws {
    let fixture = try TestLessonFixture()
    _ = try fixture.walk(["", "q"])
    let input = ScriptedInput(["", "8", "3", "4", "0.75", "b", "softmax"])
    try LessonRunner(lesson: fixture.lesson, input: input, output: fixture.output).carryOn()
    #expect(fixture.captured.text.contains("Welcome back. Carrying on with episode 1, step 2."))
    #expect(try fixture.lesson.progress().episodes[1] == .done)
  }

  @Test func aNewLearnerGetsTheWelcomeAndTheMenu() throws {
    let fixture = try TestLessonFixture()
    try LessonRunner(lesson: fixture.lesson, input: ScriptedInput(["q"]), output: fixture.output).carryOn()
    #expect(fixture.captured.text.contains("Welcome"))
    #expect(fixture.captured.text.contains("Episode to start (Enter for 1), or q to quit:"))
  }

  @Test func instructorNotesHaveTheScheduleNotesAndSolutions() throws {
    let fixture = try TestLessonFixture()
    let notes = try InstructorNotes.instructor(fixture.lesson, episode: 1)
    #expect(notes.contains("| 0:00 | 1. Every kind of block ◀ | 5 | 5 |"))
    #expect(notes.contains("| 0:10 | end | | |"))
    #expect(notes.contains("An instructor note"))
    #expect(notes.contains("Answers: 8, 3"))
    #expect(notes.contains("Filters come first"))
    #expect(throws: LessonError.self) { try InstructorNotes.instructor(fixture.lesson, episode: 9) }
  }

  @Test func theHandoutHasTheExercisesWithoutSolutions() throws {
    let fixture = try TestLessonFixture()
    let handout = InstructorNotes.handout(fixture.lesson)
    #expect(handout.contains("### Exercise 1.1"))
    #expect(handout.contains("Conv2D(filters: _____, kernelSize: _____)"))
    #expect(handout.contains("lesson exercise test-sum"))
    #expect(!handout.contains("Answers:"))
    #expect(!handout.contains("Filters come first"))
    #expect(!handout.contains("Return `tensor.sum()`"))
  }

  @Test func catchingUpRunsTheEarlierEpisodesAndMarksTheStart() throws {
    let fixture = try TestLessonFixture()
    #expect(throws: LessonError.self) {
      try CatchUp(lesson: fixture.lesson, output: fixture.output).prepare(episode: 7)
    }
    #expect(try CatchUp(lesson: fixture.lesson, output: fixture.output).prepare(episode: 1))
    #expect(fixture.captured.text.contains("Episode 1 is ready: run `lesson start 1`"))
  }

  @Test func theDoctorChecksTheMachineAndPredictsTrainingTimes() throws {
    let fixture = try TestLessonFixture()
    #expect(Doctor(lesson: fixture.lesson, output: fixture.output).run())
    let text = fixture.captured.text
    #expect(text.contains("Compiler for exercises: /"))
    #expect(text.contains("Terminal: not a terminal (a pipe or a file), no colour, 80 columns"))
    #expect(text.contains("Datasets/digits: 5000 images."))
    let estimate = try #require(text.split(separator: "\n").first { $0.contains("episode 1: lesson model") })
    #expect(
      estimate.wholeMatch(of: #/  episode 1: lesson model, 100 images × 1 epochs: (under a second|about \d+ seconds?)/#)
        != nil, "\(estimate)")
    #expect(text.contains("Speed: this machine trains the lesson's model at about "))
  }
}
