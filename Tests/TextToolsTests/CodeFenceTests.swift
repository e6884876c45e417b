import Testing
import TextTools

@Suite struct CodeFenceTests {
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

  @Test func theLanguageIsTheInfoStringsFirstWordLowercased() throws {
    #expect(try #require(CodeFence(openingLine: "```Swift no-run")).language == "swift")
    #expect(try #require(CodeFence(openingLine: "~~~")).language == "")
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
}
