import CNNTestSupport
import ClassMode
import Foundation
import TerminalUI
import Testing

@testable import LessonEngine

/// `lesson class start` and `lesson class report`, driven in-process: a learner's walk reaches the
/// instructor's output, the log keeps it, and the report is written from it.
@Suite(.serialized) struct ClassInstructorTests {
  /// Lines that arrive when a test gives them: `readLine` waits for the next.
  final class WaitingInput: LineInput, @unchecked Sendable {
    private let lock = NSCondition()
    private var lines: [String] = []
    var echoes: Bool { false }

    func give(_ line: String) {
      lock.withLock {
        lines.append(line)
        lock.signal()
      }
    }

    func readLine() -> String? {
      lock.withLock {
        while lines.isEmpty { lock.wait() }
        return lines.removeFirst()
      }
    }
  }

  /// Opens the class of `fixture`'s workspace with `options`, runs `body` with its port while it
  /// serves, then quits; returns what the instructor's output showed.
  func serving(
    _ fixture: TestLessonFixture, options: ClassInstructor.StartOptions, capabilities: TerminalCapabilities,
    onRememberedPort: Bool = false, _ body: (Int, CapturedOutput) throws -> Void
  ) throws -> String {
    let captured = CapturedOutput()
    let input = WaitingInput()
    nonisolated(unsafe) let instructor = ClassInstructor(
      lesson: fixture.lesson, input: input, output: captured.output(capabilities: capabilities))
    var local = options
    if !onRememberedPort { local.port = 0 }
    local.loopbackOnly = true
    let options = local
    let port = Port()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      do {
        try instructor.start(options) { port.set($0.port) }
      } catch {
        Issue.record("class start failed: \(error)")
        port.set(-1)
      }
      done.signal()
    }
    thread.start()
    let number = port.wait()
    if number > 0 { try body(number, captured) }
    input.give("q")
    #expect(done.wait(timeout: .now() + 10) == .success)
    return captured.text
  }

  @Test func pipedEachEventIsALineAndTheLogAndReportKeepThem() throws {
    let fixture = try TestLessonFixture()
    var options = ClassInstructor.StartOptions()
    options.newClass = true
    let text = try serving(fixture, options: options, capabilities: .plain(width: 60)) { port, shown in
      let learner = try TestLessonFixture(workspace: fixture.lesson.workspace + "-learner")
      let code = try #require(fixture.lesson.currentClassCode)
      try ClassMembership(address: "127.0.0.1:\(port)", code: code, name: "Ana Lima").keep(
        in: learner.lesson.workspace)
      let walk = try learner.walk(
        ["8", "3", "8", "", "4", "0.75", "b", "softmax"], options: WalkOptions(pauses: false))
      #expect(walk.finished)
      #expect(waitUntil { shown.text.contains("finished episode") })
      ClassLink.finish(learner.lesson.workspace, within: 2)
    }
    let lines = text.split(separator: "\n").map(String.init)
    // Lines longer than 60 columns are broken, so the checks read the words.
    let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(lines[0].hasPrefix("Class ") && words.contains(" is open at 127.0.0.1:"))
    #expect(words.contains(#"Ana Lima joined"#))
    #expect(words.contains(#"Ana Lima answered test-count (episode 1) wrong: "8""#))
    #expect(words.contains(#"Ana Lima answered test-count (episode 1) right"#))
    #expect(words.contains(#"Ana Lima finished episode 1"#))
    #expect(!text.contains("\u{1B}"))
    #expect(lines.allSatisfy { $0.count <= 60 })
    #expect(words.contains("closed: 1 learner,"))

    let reportOutput = CapturedOutput()
    let path = try ClassInstructor(
      lesson: fixture.lesson, input: ScriptedInput([]), output: reportOutput.output(isTerminal: false, columns: 80)
    ).report()
    let report = try String(contentsOfFile: path, encoding: .utf8)
    #expect(report.contains("| 1. "))
    #expect(report.contains(#"| test-count (episode 1) | 1 | "8" ×1 |"#))
    #expect(report.contains(#"Every episode (1): Ana Lima."#))
    #expect(reportOutput.text.contains("Written to"))
  }

  @Test func jsonPrintsEachEventAsTheLogsLine() throws {
    let fixture = try TestLessonFixture()
    var options = ClassInstructor.StartOptions()
    options.json = true
    let text = try serving(fixture, options: options, capabilities: .plain(width: 80)) { port, shown in
      let code = try #require(fixture.lesson.currentClassCode)
      let outbox = try TestLessonFixture(workspace: fixture.lesson.workspace + "-json")
      try ClassMembership(address: "127.0.0.1:\(port)", code: code, name: "Bo").keep(in: outbox.lesson.workspace)
      outbox.lesson.classLink?.send(.finishedEpisode(3))
      #expect(waitUntil { shown.text.contains(#""kind":"finished""#) })
      ClassLink.finish(outbox.lesson.workspace, within: 2)
    }
    let lines = text.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix(#"{"type":"open","code":""#))
    for line in lines.dropFirst() {
      #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
    }
    #expect(lines[2].contains(#""kind":"finished""#) && lines[2].contains(#""name":"Bo""#))
  }

  @Test func startingAgainOpensTheSameClassWithItsRoom() throws {
    let fixture = try TestLessonFixture()
    _ = try serving(fixture, options: .init(), capabilities: .plain(width: 80)) { port, shown in
      let learner = try TestLessonFixture(workspace: fixture.lesson.workspace + "-again")
      try ClassMembership(address: "127.0.0.1:\(port)", code: try #require(fixture.lesson.currentClassCode), name: "Cy")
        .keep(in: learner.lesson.workspace)
      learner.lesson.classLink?.send(.reachedStep(episode: 1, step: 1, of: 3))
      #expect(waitUntil { shown.text.contains("reached step 1 of 3") })
      ClassLink.finish(learner.lesson.workspace, within: 2)
    }
    let first = fixture.lesson.currentClassCode
    let text = try serving(fixture, options: .init(), capabilities: .plain(width: 80)) { _, _ in }
    #expect(fixture.lesson.currentClassCode == first)
    #expect(
      text.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
        "again, with 1 learner and 1 event so far"))
  }

  @Test func aClassOpensAgainOnItsOwnPortSoThatLearnersFindIt() throws {
    let fixture = try TestLessonFixture()
    var first = 0
    _ = try serving(fixture, options: .init(), capabilities: .plain(width: 80)) { port, _ in first = port }
    var again = 0
    _ = try serving(fixture, options: .init(), capabilities: .plain(width: 80), onRememberedPort: true) { port, _ in
      again = port
    }
    #expect(first > 0 && again == first)
  }

  @Test func aReportWithNoClassSaysHowToOpenOne() throws {
    let fixture = try TestLessonFixture()
    #expect(throws: LessonError.noClass(nil)) {
      try ClassInstructor(lesson: fixture.lesson, input: ScriptedInput([]), output: fixture.output).report()
    }
    #expect(throws: LessonError.noClass("TIGER-100")) {
      try ClassInstructor(lesson: fixture.lesson, input: ScriptedInput([]), output: fixture.output).report(
        code: "tiger-100")
    }
  }
}

/// A port number handed from the server's thread to the test.
final class Port: @unchecked Sendable {
  private let ready = DispatchSemaphore(value: 0)
  private var number = 0

  func set(_ port: Int) {
    number = port
    ready.signal()
  }

  func wait() -> Int {
    _ = ready.wait(timeout: .now() + 10)
    return number
  }
}

extension Lesson {
  /// The code of the class last opened in this lesson's workspace.
  var currentClassCode: String? {
    ClassInstructor(lesson: self, input: ScriptedInput([])).currentClass?.text
  }
}
