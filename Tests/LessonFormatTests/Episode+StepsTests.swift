import Testing

@testable import LessonFormat

@Suite struct EpisodeStepsTests {
  /// An episode with a step before, inside and after nested divs, and blocks that are not steps.
  let body = """
    ```swift
    let a = 1
    ```
    ```output
    1
    ```
    ::: challenge
    ```swift fill-in id=f blanks=Int answers=2
    let b = _____
    ```
    ```swift check
    try check("b", b, equals: 2)
    ```
    ::: solution
    ```swift no-run
    let b = 2
    ```
    :::
    - a) yes
    - b) no
    ```swift question id=q kind=choice
    "a"
    ```
    :::
    ```swift
    let c = 3
    ```
    """

  @Test func runnableBlocksAreTheStepsInDocumentOrder() throws {
    let episode = try EpisodeText.parse(body: body)
    #expect(episode.runnableBlocks.map(\.code) == ["let a = 1", "let b = _____", "\"a\"", "let c = 3"])
    #expect(episode.runnableBlocks.map(\.line) == [2, 9, 22, 26].map(EpisodeText.line))
  }

  @Test func checkBlockFindsTheCheckAfterAFillIn() throws {
    let episode = try EpisodeText.parse(body: body)
    let fillIn = episode.runnableBlocks[1]
    let check = try #require(episode.checkBlock(after: fillIn))
    #expect(
      check
        == CodeBlock(
          language: "swift", role: .check, code: "try check(\"b\", b, equals: 2)", line: EpisodeText.line(12)))
  }

  @Test func checkBlockIsNilForOtherBlocks() throws {
    let episode = try EpisodeText.parse(body: body)
    #expect(episode.checkBlock(after: episode.runnableBlocks[0]) == nil)
    #expect(episode.checkBlock(after: episode.runnableBlocks[2]) == nil)
    let stranger = CodeBlock(language: "swift", role: .run, code: "let a = 1", line: 999)
    #expect(episode.checkBlock(after: stranger) == nil)
  }
}
