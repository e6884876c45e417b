import Testing

@testable import LessonFormat

@Suite struct LessonFileNameTests {
  @Test func readsTheNumberAndSlug() throws {
    let parsed = try #require(LessonFileName.parse("03-build-a-cnn.md"))
    #expect(parsed.number == 3)
    #expect(parsed.slug == "build-a-cnn")
  }

  @Test func acceptsTheWholeRangeOfNumbers() {
    #expect(LessonFileName.parse("01-a.md")?.number == 1)
    #expect(LessonFileName.parse("99-z9.md")?.number == 99)
  }

  @Test(arguments: [
    "00-intro.md",  // numbers start at 01
    "1-intro.md",  // two digits
    "100-intro.md",  // two digits, not three
    "01intro.md",  // no hyphen after the number
    "01-.md",  // empty slug
    "01-Intro.md",  // uppercase
    "01-build_model.md",  // underscore
    "01-intro.markdown",  // wrong extension
    "01-intro",  // no extension
    "٠١-intro.md",  // digits of another script
  ])
  func rejectsNamesThatAreNotNNSlug(_ name: String) {
    #expect(LessonFileName.parse(name) == nil)
  }

  @Test func theParserReportsABadFileNameOnLineOne() {
    let error = parseError(EpisodeText.withBody(""), path: "Lessons/intro.md")
    #expect(error?.line == 1)
    #expect(error?.path == "Lessons/intro.md")
    #expect(error?.message.contains("'intro.md' does not have the form NN-slug.md") == true)
  }

  @Test func theParserTakesTheNumberAndSlugFromTheLastPathComponent() throws {
    let episode = try EpisodeParser.parse(EpisodeText.withBody(""), path: "some/dir/42-the-answer.md")
    #expect(episode.number == 42)
    #expect(episode.slug == "the-answer")
    #expect(episode.path == "some/dir/42-the-answer.md")
  }
}
