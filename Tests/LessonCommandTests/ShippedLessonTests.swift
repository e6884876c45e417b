import CNNTestSupport
import Foundation
import LessonContent
import LessonEngine
import Testing

/// `lesson verify` on the lesson that ships in `Lessons/`: every episode runs to its end without
/// pauses, and every write-code exercise's starter fails its checks while its solution passes.
///
/// The lesson's numbers (episode 5 quotes the accuracy of the model episode 4 trains) come from its
/// seeds: the suite draws from a random generator and layer names of its own, so that tests running
/// at the same time, which draw from the process's, cannot change them.
@Suite(.isolatedSession) struct ShippedLessonTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  @Test func theShippedLessonVerifies() throws {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let lesson = try Lesson(LessonContent.episodes, root: Self.root, workspace: workspace)
    let report = CapturedOutput()
    #expect(try Verify(lesson: lesson, output: report.output(isTerminal: false)).run(), "\(report.text)")
  }
}
