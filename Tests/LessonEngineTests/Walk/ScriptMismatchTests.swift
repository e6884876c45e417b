import CNNTestSupport
import Foundation
import LessonEngine
import LessonScript
import LessonToolkit
import Testing

/// Generated code names steps by their Markdown line; a line where the script has no such step
/// (only possible for an episode written by hand) is reported, not run past or crashed on.
@Suite(.serialized) struct ScriptMismatchTests {
  /// An episode whose script has a plain step at line 7 and whose code names other lines.
  enum HandWritten: GeneratedEpisode {
    static let script = EpisodeScript(
      header: EpisodeHeader(
        number: 1, slug: "hand", path: "Lessons/01-hand.md", title: "By hand", teachingMinutes: 1, exerciseMinutes: 0,
        training: nil),
      items: [.step(ScriptStep(line: 7, code: "print(1)", kind: .run))])

    /// Which call the code makes.
    nonisolated(unsafe) static var call: (EpisodeSession) throws -> Void = { _ in }

    static func run(_ session: EpisodeSession) throws {
      try call(session)
      try session.finish()
    }
  }

  func walk(_ call: @escaping (EpisodeSession) throws -> Void) throws -> (finished: Bool, text: String) {
    HandWritten.call = call
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let lesson = try Lesson([HandWritten.self], root: workspace, workspace: workspace)
    let captured = CapturedOutput()
    let finished = try LessonRunner(
      lesson: lesson, input: ScriptedInput([""]), output: captured.output(isTerminal: false, columns: 200)
    )
    .start(episode: 1)
    return (finished, captured.text)
  }

  @Test func aLineWithNoStepIsReportedWithTheFileAndLine() throws {
    let walk = try walk { try $0.willRun(line: 8) }
    #expect(!walk.finished)
    #expect(walk.text.contains("The episode's code and its script disagree: Lessons/01-hand.md:8 is not a step"))
    #expect(walk.text.contains("swift build"))
  }

  @Test func aStepOfAnotherKindIsReportedToo() throws {
    let asFillIn = try walk { try $0.fillIn(line: 7) { _ in } }
    #expect(!asFillIn.finished)
    #expect(asFillIn.text.contains("Lessons/01-hand.md:7 is not a step of that kind"))
    let asQuestion = try walk { try $0.question(line: 7) { LessonAnswer(1) } }
    #expect(asQuestion.text.contains("Lessons/01-hand.md:7 is not a step of that kind"))
  }

  @Test func theRightLineRunsTheStep() throws {
    let walk = try walk { session in
      try session.willRun(line: 7)
      try session.didRun(line: 7)
    }
    #expect(walk.finished, "\(walk.text)")
    #expect(walk.text.contains("Step 1 of 1\n  print(1)"))
  }
}
