import Testing

@testable import LessonFormat

@Suite struct CodeFenceTests {
  // MARK: - Recognising fences

  @Test func recognisesBackticksAndTildesWithTheirInfoString() throws {
    let backticks = try #require(CodeFence(openingLine: "```swift check"))
    #expect(backticks.character == "`")
    #expect(backticks.length == 3)
    #expect(backticks.infoString == "swift check")
    let tildes = try #require(CodeFence(openingLine: "~~~~~  bash  "))
    #expect(tildes.character == "~")
    #expect(tildes.length == 5)
    #expect(tildes.infoString == "bash")
  }

  @Test func allowsUpToThreeSpacesOfIndentation() {
    #expect(CodeFence(openingLine: "   ```swift")?.indent == 3)
    #expect(CodeFence(openingLine: "    ```swift") == nil)
  }

  @Test(arguments: ["``", "~~", "`code`", "```a```", "\t```swift", "text ```"])
  func otherLinesAreNotFences(line: String) {
    #expect(CodeFence(openingLine: line) == nil)
  }

  @Test func aClosingFenceHasTheSameCharacterAndAtLeastTheSameLength() throws {
    let fence = try #require(CodeFence(openingLine: "````swift"))
    #expect(fence.isClosed(by: "````"))
    #expect(fence.isClosed(by: "  `````  "))
    #expect(!fence.isClosed(by: "```"))
    #expect(!fence.isClosed(by: "~~~~"))
    #expect(!fence.isClosed(by: "```` swift"))
    #expect(!fence.isClosed(by: "    ````"))
  }

  @Test func codeLinesLoseTheIndentationOfTheOpeningFence() throws {
    let fence = try #require(CodeFence(openingLine: "  ```swift"))
    #expect(fence.content(of: "    let x = 1") == "  let x = 1")
    #expect(fence.content(of: " y") == "y")
    #expect(fence.content(of: "\tz") == "\tz")
  }

  // MARK: - In an episode

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
