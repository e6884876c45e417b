import Testing

@testable import LessonFormat

/// Builds small episode files for tests: a fixed five-line front matter, then the body a test is
/// about, so a test can name a body line as `EpisodeText.line(3)`.
enum EpisodeText {
  /// The path the tests parse under; its name is a valid `NN-slug.md`.
  static let path = "Lessons/01-test.md"

  /// A minimal valid front matter, five lines long.
  static let frontMatter = """
    ---
    title: Test
    teaching: 5
    exercises: 0
    ---
    """

  /// Returns a file made of the front matter and `body`.
  static func withBody(_ body: String) -> String {
    frontMatter + "\n" + body
  }

  /// Returns the file line of `bodyLine`, the 1-based line within the body.
  static func line(_ bodyLine: Int) -> Int {
    5 + bodyLine
  }

  /// Parses a file made of the front matter and `body`.
  static func parse(body: String) throws(LessonFormatError) -> Episode {
    try EpisodeParser.parse(withBody(body), path: path)
  }
}

/// Expects parsing `text` to fail and returns the error, for checks of its line and message.
func parseError(
  _ text: String, path: String = EpisodeText.path, sourceLocation: SourceLocation = #_sourceLocation
) -> LessonFormatError? {
  #expect(throws: LessonFormatError.self, sourceLocation: sourceLocation) {
    try EpisodeParser.parse(text, path: path)
  }
}

/// Expects parsing a file with the test front matter and `body` to fail and returns the error.
func bodyError(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) -> LessonFormatError? {
  parseError(EpisodeText.withBody(body), sourceLocation: sourceLocation)
}
