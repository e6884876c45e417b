import CNN
import CNNTestSupport
import Foundation
import LessonEngine
import TerminalUI
import TestLesson

/// The test lesson (Tests/TestLesson) with a workspace of its own in a temporary folder, and an
/// output that keeps what the walk prints.
struct TestLessonFixture {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  let lesson: Lesson
  let captured = CapturedOutput()

  /// The test lesson with its workspace at `workspace` (default: a new temporary folder).
  init(workspace: String? = nil) throws {
    let workspace =
      workspace ?? FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)").path
    lesson = try Lesson(TestLesson.episodes, root: Self.root, workspace: workspace)
  }

  var output: TerminalOutput { captured.output(isTerminal: false, columns: 80) }

  /// Walks episode 1 answering with `lines`; returns what it printed and whether it finished.
  func walk(_ lines: [String], options: WalkOptions = WalkOptions()) throws -> (
    text: String, finished: Bool, unread: Int
  ) {
    let input = ScriptedInput(lines)
    let finished = try LessonRunner(lesson: lesson, input: input, output: output).start(episode: 1, options: options)
    return (captured.text, finished, input.remaining)
  }
}
