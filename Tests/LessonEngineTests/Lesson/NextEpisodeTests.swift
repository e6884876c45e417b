import CNNTestSupport
import Foundation
import LessonEngine
import LessonScript
import Testing

/// Each episode ends by naming the command that starts the next one, as the learner launched.
@Suite struct NextEpisodeTests {
  enum First: GeneratedEpisode {
    static let script = EpisodeScript(
      header: EpisodeHeader(
        number: 1, slug: "a", path: "Lessons/01-a.md", title: "First", teachingMinutes: 1, exerciseMinutes: 0,
        training: nil),
      items: [])
    static func run(_ session: EpisodeSession) throws { try session.finish() }
  }

  enum Second: GeneratedEpisode {
    static let script = EpisodeScript(
      header: EpisodeHeader(
        number: 2, slug: "b", path: "Lessons/02-b.md", title: "Second", teachingMinutes: 1, exerciseMinutes: 0,
        training: nil),
      items: [])
    static func run(_ session: EpisodeSession) throws { try session.finish() }
  }

  func walk(_ episode: Int) throws -> String {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let lesson = try Lesson([Second.self, First.self], root: workspace, workspace: workspace)
    let captured = CapturedOutput()
    try LaunchCommand.$current.withValue("swift run lesson") {
      _ = try LessonRunner(lesson: lesson, input: ScriptedInput([]), output: captured.output(isTerminal: false))
        .start(episode: episode)
    }
    return captured.text
  }

  @Test func anEpisodeNamesTheNextOnesCommandAndTheLastSaysSo() throws {
    #expect(try walk(1).hasSuffix("Next: episode 2, Second: `swift run lesson start 2`.\n"))
    #expect(try walk(2).contains("That was the last episode. `swift run lesson list` shows every exercise"))
  }
}
