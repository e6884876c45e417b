import LessonScript
import Testing

@testable import LessonFormat

@Suite struct BlockTreeTests {
  /// Returns the nodes of a body (without front matter).
  func nodes(_ body: String) throws -> [Node] {
    try BlockTree.build(SourceLines.split(body), from: 0)
  }

  // MARK: - Prose

  @Test func consecutiveLinesMakeOneProseNodeWithItsBlankLines() throws {
    #expect(
      try nodes("\n\n# Title\n\nA paragraph.\n\tTabbed.\n\n\n") == [
        .prose("# Title\n\nA paragraph.\n\tTabbed.", line: 3)
      ])
  }

  @Test func fencesSplitProse() throws {
    let body = "Before.\n```bash\nls\n```\nAfter."
    #expect(
      try nodes(body) == [
        .prose("Before.", line: 1),
        .code(CodeBlock(language: "bash", role: .display, code: "ls", line: 3)),
        .prose("After.", line: 5),
      ])
  }

  @Test func blankLinesAloneMakeNoNode() throws {
    #expect(
      try nodes("```bash\nls\n```\n  \n\t\n::: callout\n\n:::") == [
        .code(CodeBlock(language: "bash", role: .display, code: "ls", line: 2)),
        .div(Div(kind: .callout, attributes: [:], line: 6, children: [])),
      ])
  }

  // MARK: - Divs

  @Test func divsHoldTheirChildrenAndNest() throws {
    let body = """
      ::::::::: challenge
      Task.
      ::: hint
      Hint.
      :::
      :::::::::
      """
    let hint = Div(kind: .hint, attributes: [:], line: 3, children: [.prose("Hint.", line: 4)])
    let challenge = Div(kind: .challenge, attributes: [:], line: 1, children: [.prose("Task.", line: 2), .div(hint)])
    #expect(try nodes(body) == [.div(challenge)])
  }

  // MARK: - Choices

  @Test func aChoiceQuestionTakesTheListBeforeIt() throws {
    let body = "Which?\n\n- a) one\n- b) two\n\n```swift question id=q kind=choice\n\"b\"\n```"
    let question = Question(
      id: "q", kind: .choice, choices: [.init(letter: "a", text: "one"), .init(letter: "b", text: "two")])
    #expect(
      try nodes(body).last == .code(CodeBlock(language: "swift", role: .question(question), code: "\"b\"", line: 7)))
  }

  @Test func aChoiceQuestionWithoutAListFailsAtItsFence() {
    let error = bodyError("Which?\n\n```swift question id=q kind=choice\n\"b\"\n```")
    #expect(error?.line == EpisodeText.line(3))
    #expect(
      error?.message.contains("the choice question 'q' needs its choices as a Markdown list right before the block")
        == true)
  }

  @Test func theListMustBeInTheSameDiv() {
    let error = bodyError("- a) one\n- b) two\n\n::: challenge\n```swift question id=q kind=choice\n\"b\"\n```\n:::")
    #expect(error?.line == EpisodeText.line(5))
    #expect(error?.message.contains("needs its choices") == true)
  }

  @Test func theListMustBeJustBeforeTheBlock() {
    let error = bodyError(
      "- a) one\n- b) two\n\n```swift\nlet x = 1\n```\n```swift question id=q kind=choice\n\"b\"\n```")
    #expect(error?.line == EpisodeText.line(7))
  }

  @Test func aSingleChoiceIsNotEnough() {
    let error = bodyError("- a) only\n\n```swift question id=q kind=choice\n\"a\"\n```")
    #expect(error?.line == EpisodeText.line(3))
    #expect(error?.message.contains("has a single choice") == true)
  }

  @Test func eachChoiceNeedsItsOwnLetter() {
    let error = bodyError("- a) one\n- a) two\n\n```swift question id=q kind=choice\n\"a\"\n```")
    #expect(error?.line == EpisodeText.line(4))
    #expect(error?.message.contains("two choices lettered 'a'") == true)
  }

  @Test func otherQuestionsNeedNoList() throws {
    let body = "How many?\n\n```swift question id=q kind=number\n1\n```"
    #expect(try nodes(body).count == 2)
  }
}
