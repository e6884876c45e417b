import Foundation
import LessonScript
import Testing

@testable import LessonFormat

@Suite struct EpisodeCodeGeneratorTests {
  /// Generates the Swift of a test episode with `body`.
  func generated(_ body: String) throws -> String {
    let text = EpisodeText.withBody(body)
    return EpisodeCodeGenerator.generate(try EpisodeParser.parse(text, path: EpisodeText.path).script)
  }

  @Test func typeNamesHaveTwoDigits() {
    #expect(EpisodeCodeGenerator.typeName(forEpisode: 3) == "Episode03")
    #expect(EpisodeCodeGenerator.typeName(forEpisode: 12) == "Episode12")
  }

  @Test func eachStepIsBracketedByTheSessionAndPointsAtItsMarkdownLine() throws {
    let swift = try generated("Prose.\n\n```swift\nlet x = 1\nprint(x)\n```\n\n```swift\nprint(x + 1)\n```")
    let lines = swift.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let first = try #require(lines.firstIndex(of: "    try session.willRun(line: \(EpisodeText.line(4)))"))
    #expect(lines[first + 1] == "#sourceLocation(file: \"Lessons/01-test.md\", line: \(EpisodeText.line(4)))")
    #expect(
      Array(lines[first + 2...first + 5]) == [
        "let x = 1", "print(x)", "#sourceLocation()", "    try session.didRun(line: \(EpisodeText.line(4)))",
      ])
    let second = try #require(lines.firstIndex(of: "    try session.willRun(line: \(EpisodeText.line(9)))"))
    #expect(lines[second + 1] == "#sourceLocation(file: \"Lessons/01-test.md\", line: \(EpisodeText.line(9)))")
    #expect(swift.contains("    try session.finish()\n  }\n}\n"))
  }

  @Test func blanksBecomeTypedValuesAndTheCheckRunsInTheSameScope() throws {
    let body = """
      ::: challenge
      ```swift fill-in id=size blanks=Int,Double answers=3,0.5
      let k = _____ * 2
      let rate = _______
      ```
      ```swift check
      try check("k", k, equals: 6)
      ```
      :::
      """
    let swift = try generated(body)
    #expect(swift.contains("    try session.fillIn(line: \(EpisodeText.line(3))) { blanks in"))
    #expect(swift.contains("      let __blank0: Int = try blanks.value(0)"))
    #expect(swift.contains("      let __blank1: Double = try blanks.value(1)"))
    #expect(swift.contains("let k = __blank0 * 2\nlet rate = __blank1\n#sourceLocation()\n#sourceLocation"))
    #expect(swift.contains("try check(\"k\", k, equals: 6)"))
  }

  @Test func onlyRunsOfFiveUnderscoresAreBlanks() {
    #expect(EpisodeCodeGenerator.replacingBlanks(in: "a_b __c _____ d________") == "a_b __c __blank0 d__blank1")
  }

  @Test func questionsWrapTheirExpressionInAnAnswer() throws {
    let swift = try generated("::: challenge\nHow many?\n```swift question id=n kind=number\n2 + 2\n```\n:::")
    #expect(swift.contains("    try session.question(line: \(EpisodeText.line(4))) {\n#sourceLocation"))
    #expect(swift.contains("LessonAnswer(2 + 2)"))
  }

  @Test func displayBlocksGenerateNoCode() throws {
    let swift = try generated("```swift no-run\nfatalError()\n```")
    #expect(!swift.contains("willRun"))
    #expect(!swift.contains("fatalError()\n#sourceLocation()"))
  }

  @Test func theScriptIsWrittenAsDataBesideTheCode() throws {
    let swift = try generated("Prose.\n\n```swift\nlet x = 1\n```")
    #expect(swift.contains("  static let script = EpisodeScript(\n"))
    #expect(swift.contains(".prose(line: \(EpisodeText.line(1)), markdown: \"Prose.\")"))
    #expect(swift.contains(".step(ScriptStep(line: \(EpisodeText.line(4)), code: \"let x = 1\", kind: .run"))
    #expect(!swift.contains("static let source"), "no Markdown is embedded for parsing again")
  }

  @Test func theIndexListsEpisodesInOrder() {
    let index = EpisodeCodeGenerator.generateIndex(episodeNumbers: [2, 1])
    #expect(index.contains("[Episode01.self, Episode02.self]"))
    #expect(index.contains("LessonOutput.print"))
  }

  @Test func verifyBlocksRunWhereTheyStandWithoutTakingAStepNumber() throws {
    let swift = try generated(
      "```swift\nlet x = 1\n```\n```swift verify\ntry check(\"x\", x, equals: 1)\n```\n```swift\nprint(x)\n```")
    #expect(swift.contains("    try session.verifyText(line: \(EpisodeText.line(5))) {\n#sourceLocation"))
    let verifyAt = try #require(swift.range(of: "try session.verifyText")).lowerBound
    #expect(try #require(swift.range(of: "didRun(line: \(EpisodeText.line(2)))")).lowerBound < verifyAt)
    #expect(try #require(swift.range(of: "willRun(line: \(EpisodeText.line(8)))")).lowerBound > verifyAt)
  }
}
