import CNNTestSupport
import Foundation
import LessonEngine
import TerminalUI
import Testing

@testable import LessonEngine

/// `lesson present N`: the test lesson presented on keys alone, with the projected screen and the
/// instructor's notes kept apart.
@Suite(.isolatedSession) struct PresentTests {
  /// Keys given in advance; each key read moves the clock on a minute, as a presenter would.
  final class TimedKeys: LineInput, @unchecked Sendable {
    private var lines: [String]
    private(set) var minutes = 0.0
    init(_ lines: [String]) { self.lines = lines }
    func readLine() -> String? {
      minutes += 1
      return lines.isEmpty ? nil : lines.removeFirst()
    }
    var echoes: Bool { true }
    var remaining: Int { lines.count }
    var now: Date { Date(timeIntervalSinceReferenceDate: minutes * 60) }
  }

  /// A presentation of the test lesson's episode 1 with `keys`.
  struct Presentation {
    let text: String
    let notes: String
    let finished: Bool
    let unread: Int
    let fixture: TestLessonFixture
  }

  func present(
    _ keys: [String], capabilities: TerminalCapabilities = .plain(width: 80), from firstStep: Int = 1
  ) throws -> Presentation {
    let fixture = try TestLessonFixture()
    let input = TimedKeys(keys)
    let notes = CapturedOutput()
    let presenter = Presenter(notes: notes.output(capabilities: .plain(width: 200))) { input.now }
    let finished = try LessonRunner(
      lesson: fixture.lesson, input: input, output: fixture.captured.output(capabilities: capabilities)
    )
    .present(episode: 1, from: firstStep, presenter: presenter)
    return Presentation(
      text: fixture.captured.text, notes: notes.text, finished: finished, unread: input.remaining, fixture: fixture)
  }

  /// Two keys for each of the seven steps (run or show the answer, then go on), and one at the
  /// write-code exercise.
  static let everyKey = [String](repeating: "", count: 15)

  @Test func theEpisodeIsPresentedOnKeysAloneAndAnswersWaitForAKey() throws {
    let shown = try present(Self.everyKey)
    #expect(shown.finished, "\(shown.text)")
    #expect(shown.unread == 0)
    #expect(!shown.text.contains("Your answer:") && !shown.text.contains("Blank 1 of 2"))
    let question = try #require(shown.text.range(of: "How many numbers does `doubled` hold?"))
    let key = try #require(
      shown.text.range(of: "[Enter] show the answer", range: question.upperBound..<shown.text.endIndex))
    let answer = try #require(shown.text.range(of: "The answer: 4.", range: key.upperBound..<shown.text.endIndex))
    #expect(answer.lowerBound > key.upperBound)
    #expect(shown.text.contains("The answer: b) relu."))
    #expect(shown.text.contains("[Enter] show the solution"))
    #expect(shown.text.contains("The solution: blank 1 (number of filters) = 8, blank 2 (kernel size) = 3"))
    #expect(shown.text.contains("sum: 10.0") && shown.text.contains("✓ output shape"))
    #expect(
      shown.text.components(separatedBy: "Episode 1 · Every kind of block").count - 1 == 9,
      "a screen a step, the end, and what follows the write-code exercise")
    let exercise = try #require(shown.text.range(of: "check test-sum`."))
    #expect(shown.text[exercise.upperBound...].hasPrefix("\n[Enter] go on"), "the room gets time for the exercise")
    #expect(try shown.fixture.lesson.progress().episodes[1] == nil, "presenting records no progress")
  }

  @Test func theNotesHoldWhatTheRoomDoesNotSee() throws {
    let shown = try present(Self.everyKey)
    for note in [
      "Plan: 10 min (5 teaching, 5 exercises), 7 steps.", "An instructor note: this episode takes five minutes.",
      "Question test-count: the answer is 4.", "Wrong answer \"8\": That is its largest value",
      "Fill-in test-conv: blank 1 (number of filters) = 8, blank 2 (kernel size) = 3",
      "Step 3 of 7 · 4 of 10 min used · the plan is at 2 min: 2 min behind",
      "Exercise test-sum: learners run",
      "Episode 1 done in 14 min; the plan was 10",
    ] {
      #expect(shown.notes.contains(note), "\(note)\n\(shown.notes)")
    }
    for secret in ["Wrong answer", "An instructor note", "Plan:"] {
      #expect(!shown.text.contains(secret), "\(secret) is on the projected screen")
    }
    #expect(shown.text.contains("step 3/7 · 4 of 10 min"), "the header keeps time")
  }

  @Test func withoutUnicodeTheCountdownIsSpelledOut() throws {
    let fixture = try TestLessonFixture()
    let script = try #require(fixture.lesson.entry(1)).script
    let presenter = Presenter(notes: nil) { Date(timeIntervalSinceReferenceDate: 0) }
    presenter.startCountdown(minutes: 2)
    let plain = presenter.header(for: script, step: 1, of: 7, width: 80, usesUnicode: false)
    #expect(plain.hasSuffix("countdown: 2:00 left of 2 min") && !plain.contains("⏱"), "\(plain)")
    #expect(presenter.header(for: script, step: 1, of: 7, width: 80).hasSuffix("⏱ 2:00 left of 2 min"))
    #expect(TextLayout.visibleWidth(plain) == 80)
  }

  /// While a key is awaited on a terminal, the header line is rewritten in place every second,
  /// the cursor saved and put back around it; piped, never.
  @Test func theHeaderTicksWhileAKeyIsAwaitedOnATerminal() throws {
    final class SlowKeys: LineInput, @unchecked Sendable {
      func readLine() -> String? {
        Thread.sleep(forTimeInterval: 1.3)
        return "q"
      }
      var echoes: Bool { true }
    }
    let terminal = TerminalCapabilities(isTerminal: true, colors: .none, width: 60, height: 20)
    for (capabilities, ticks) in [(terminal, true), (TerminalCapabilities.plain(width: 60), false)] {
      let fixture = try TestLessonFixture()
      _ = try LessonRunner(
        lesson: fixture.lesson, input: SlowKeys(), output: fixture.captured.output(capabilities: capabilities)
      )
      .present(episode: 1, presenter: Presenter(notes: nil))
      let rewrite = ScreenControl.saveCursor + ScreenControl.home + "Episode 1 · Every kind of block"
      #expect(fixture.captured.text.contains(rewrite) == ticks, "\(fixture.captured.text)")
    }
  }

  @Test func aCountdownIsStartedStoppedAndBounded() throws {
    let shown = try present(["c 0", "c 5", "", "", "x", ""] + [String](repeating: "", count: 13))
    #expect(shown.finished, "\(shown.text)")
    #expect(shown.text.contains("A countdown is 1 to 240 minutes: c 10, say."))
    #expect(shown.text.contains("Countdown: 5 min (x stops it)."))
    // Started at minute 2 (the second key); the next screen comes two keys later.
    #expect(shown.text.contains("⏱ 3:00 left of 5 min"), "\(shown.text)")
    #expect(shown.text.contains("Countdown stopped."))
    #expect(shown.notes.contains("Countdown: 5 min, started at 2 min."))
    let afterStop = try #require(shown.text.range(of: "Countdown stopped."))
    #expect(!shown.text[afterStop.upperBound...].contains("⏱"))
  }

  @Test func goingBackShowsTheStepBeforeAndWhatItPrinted() throws {
    let shown = try present(["", "", "b", "q"])
    let back = try #require(shown.text.range(of: "Back to step 1 of 7"))
    #expect(shown.text[back.upperBound...].contains("It printed:\nsum: 10.0"), "\(shown.text)")
    #expect(shown.text[back.upperBound...].contains("Step 2 of 7"), "then the step at hand again")
  }

  @Test func aStepPastTheEndNamesPresentInItsAdvice() throws {
    let error = #expect(throws: LessonError.self) { try present([], from: 99) }
    #expect(error == .noSuchStep(99, episode: 1, stepCount: 7, command: "present"))
    #expect(error?.description.contains("present 1 --from 7") == true, "\(error?.description ?? "")")
  }

  @Test func quittingSaysHowToGoOnFromThere() throws {
    let shown = try present(["", "", "q"])
    #expect(!shown.finished)
    #expect(shown.text.contains("Stopped at step 2 of episode 1."))
    #expect(shown.text.contains("present 1 --from 2"))
    let later = try present(["", "", "", "q"], from: 4)
    #expect(!later.text.contains("sum: 10.0"), "steps before ran quietly")
    #expect(later.notes.contains("Step 4 of 7 · 4 of 10 min used · the plan is at 4 min: on time"), "\(later.notes)")
    #expect(later.text.contains("The answer: 4."), "the steps run quietly made what step 4 asks about")
  }

  /// On a terminal, every part starts a clear screen and no screen is taller than the terminal;
  /// piped, there is no escape code at all.
  @Test func screensFitTheTerminalAndPipesGetNoEscapes() throws {
    let terminal = TerminalCapabilities(isTerminal: true, colors: .none, width: 50, height: 12)
    let shown = try present(["zz", "c 999"] + [String](repeating: "", count: 80), capabilities: terminal)
    #expect(shown.finished, "\(shown.text)")
    let screens = shown.text.components(separatedBy: ScreenControl.clearScreen).dropFirst()
    #expect(screens.count > 8, "some parts took more than one screen")
    #expect(shown.text.contains("▸ Enter: more · q quit"))
    for screen in screens {
      #expect(screen.components(separatedBy: "\n").count - 1 <= 12, "\(screen)")
      for line in screen.components(separatedBy: "\n") {
        #expect(TextLayout.visibleWidth(line) <= 50, "\(line)")
      }
    }
    let piped = try present(Self.everyKey)
    #expect(!piped.text.contains("\u{1B}"))
    let quit = try present(["q"], capabilities: terminal)
    #expect(!quit.finished && quit.unread == 0)
    #expect(quit.text.contains("Stopped at step 1 of episode 1."), "q at the end of a page stops too")
  }

  @Test func notesGoToAFileThatGrowsOrSayWhyTheyCannot() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("notes.txt").path
    try Presenter.notesOutput(at: file).writeLine("first")
    try Presenter.notesOutput(at: file).writeLine("second")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "first\nsecond\n")
    #expect(throws: LessonError.notesNotWritable(path: folder.path, reason: "it is a folder")) {
      try Presenter.notesOutput(at: folder.path)
    }
    let missing = folder.appendingPathComponent("no-such-folder/notes.txt").path
    let error = #expect(throws: LessonError.self) { try Presenter.notesOutput(at: missing) }
    #expect(error == .notesNotWritable(path: missing, reason: "it cannot be created"))
    #expect(error?.description.contains("`tty`") == true)
    let pipe = folder.appendingPathComponent("pipe").path
    #expect(mkfifo(pipe, 0o600) == 0)
    #expect(throws: LessonError.notesNotWritable(path: pipe, reason: "it is neither a file nor a terminal")) {
      try Presenter.notesOutput(at: pipe)
    }
    let terminal = try Presenter.notesOutput(at: "/dev/null")  // a character device, as a terminal is
    terminal.writeLine("nobody reads this")
  }
}
