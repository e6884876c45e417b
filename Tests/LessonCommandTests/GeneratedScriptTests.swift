import Foundation
import LessonContent
import LessonEngine
import LessonFormat
import LessonScript
import TestLesson
import Testing

/// The scripts the build plugin wrote into the binary are exactly what the parser makes of the
/// Markdown files today: nothing is lost or changed on the way through generated Swift.
@Suite struct GeneratedScriptTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The script the parser makes of the file at `path`, relative to the project.
  func parsed(_ path: String) throws -> EpisodeScript {
    let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    return try EpisodeParser.parse(text, path: path).script
  }

  @Test func theShippedEpisodesCarryTheScriptsOfTheirMarkdown() throws {
    #expect(LessonContent.episodes.count == 6)
    for episode in LessonContent.episodes {
      #expect(episode.script == (try parsed(episode.script.path)), "\(episode.script.path)")
    }
  }

  @Test func theTestLessonCarriesTheScriptOfItsMarkdown() throws {
    let script = try #require(TestLesson.episodes.first).script
    #expect(script.path == "Tests/TestLesson/01-basics.md")
    #expect(script == (try parsed(script.path)))
    #expect(!script.steps.isEmpty && !script.codeExercises.isEmpty, "it uses every kind of item")
  }
}
