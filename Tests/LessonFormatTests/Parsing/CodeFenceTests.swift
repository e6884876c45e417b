import Testing

@testable import LessonFormat

/// Code blocks in an episode: the fence itself is tested in TextToolsTests.
@Suite struct CodeFenceTests {
  @Test func nothingInsideACodeBlockIsParsed() throws {
    let episode = try EpisodeText.parse(
      body: """
        ~~~markdown
        ---
        title: Not front matter
        ---
        ::: challenge
        ```swift
        :::
        ~~~
        """)
    let expected = CodeBlock(
      language: "markdown", role: .display,
      code: "---\ntitle: Not front matter\n---\n::: challenge\n```swift\n:::", line: EpisodeText.line(2))
    #expect(episode.nodes == [.code(expected)])
  }

  @Test func anIndentedFenceIsAFence() throws {
    let episode = try EpisodeText.parse(body: "   ```swift\n   let x = 1\n   ```")
    #expect(
      episode.nodes == [.code(CodeBlock(language: "swift", role: .run, code: "let x = 1", line: EpisodeText.line(2)))])
  }

  @Test func anEmptyBlockHasEmptyCodeOnItsClosingLine() throws {
    let episode = try EpisodeText.parse(body: "```output\n```")
    #expect(
      episode.nodes == [.code(CodeBlock(language: "output", role: .display, code: "", line: EpisodeText.line(2)))])
  }

  @Test func anUnclosedCodeBlockFailsAtItsOpeningLine() {
    let error = bodyError("Prose.\n\n````swift\nlet x = 1\n```\n")
    #expect(error?.line == EpisodeText.line(3))
    #expect(error?.message.contains("the code block opened here with ```` is never closed") == true)
  }
}
