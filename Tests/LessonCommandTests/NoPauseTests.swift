import CNNTestSupport
import LessonEngine
import TerminalUI
import Testing

@testable import lesson

/// `lesson start N --no-pause` with nobody typing (input from a pipe, a file or `/dev/null`):
/// every step runs, every question and fill-in is shown with its answer, and each of the six
/// episodes runs to its end with exit status 0.
@Suite(.isolatedSession) struct NoPauseTests {
  @Test func everyEpisodeRunsToItsEndWithNothingToRead() {
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    var shownAnswers = 0
    // In order, in one workspace: a later episode may use what an earlier one saved.
    for episode in 1...6 {
      let before = run.output
      let status = run.run(["start", "\(episode)", "--no-pause"], capabilities: .plain(width: 80))
      let text = String(run.output.dropFirst(before.count))
      #expect(status == 0, "episode \(episode): \(text.suffix(600))")
      #expect(!text.contains("Your place is kept"), "episode \(episode)")
      #expect(!text.contains("Your answer:"), "episode \(episode)")
      #expect(text.contains("Episode \(episode) complete") || text.contains("That was the last episode"))
      shownAnswers += text.components(separatedBy: "The answer: ").count - 1
    }
    #expect(shownAnswers >= 6, "the lesson asks questions in most episodes")
  }
}
