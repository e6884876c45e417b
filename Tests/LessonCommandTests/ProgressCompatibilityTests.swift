import CNNTestSupport
import Foundation
import LessonContent
import LessonEngine
import Testing

/// A learner's progress file written before the episode format became build-time data still
/// resumes at the same place.
@Suite(.isolatedSession) struct ProgressCompatibilityTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// `Fixtures/progress-9ff30b9.txt` was written by the build of commit 9ff30b9 (`lesson start 1
  /// --from 4`, Enter, q; then `lesson start 3 --from 7`, q). That build showed, as step 7 of 16 of
  /// episode 3, the code starting `let inputs = Input(shape: [28, 28, 1])`.
  @Test func aProgressFileFromBeforeTheChangeResumesAtTheSameStep() throws {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: workspace) }
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Self.fixtures.appendingPathComponent("progress-9ff30b9.txt"),
      to: workspace.appendingPathComponent("progress.txt"))
    let lesson = try Lesson(LessonContent.episodes, root: ShippedLessonTests.root, workspace: workspace.path)
    let captured = CapturedOutput()
    try LessonRunner(lesson: lesson, input: ScriptedInput(["q"]), output: captured.output(isTerminal: false)).carryOn()
    let lines = captured.text.split(separator: "\n").map(String.init)
    #expect(lines.first == "Welcome back. Carrying on with episode 3, step 7.")
    // Episode 3 has gained steps since, after step 7: the place is the same, the total today's.
    let episode3Steps = try #require(lesson.entries.first { $0.script.number == 3 }).script.steps.count
    let header = try #require(lines.firstIndex(of: "Step 7 of \(episode3Steps)"), "\(captured.text)")
    #expect(lines[header + 1] == "  let inputs = Input(shape: [28, 28, 1])")
    let progress = try lesson.progress()
    #expect(progress.episodes[1] == .atStep(5, of: 10), "the other episode's place is kept too")
    #expect(progress.episodes[3] == .atStep(7, of: episode3Steps))
  }
}
