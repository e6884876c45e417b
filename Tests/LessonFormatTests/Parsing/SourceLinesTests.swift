import Testing

@testable import LessonFormat

@Suite struct SourceLinesTests {
  @Test func splitsOnNewlines() {
    #expect(SourceLines.split("a\nb\n\nc") == ["a", "b", "", "c"])
  }

  @Test func acceptsWindowsLineEndings() {
    #expect(SourceLines.split("a\r\nb\r\n\r\nc\r\n") == ["a", "b", "", "c"])
  }

  @Test func aFinalLineEndingDoesNotAddAnEmptyLine() {
    #expect(SourceLines.split("a\n") == ["a"])
    #expect(SourceLines.split("a\n\n") == ["a", ""])
    #expect(SourceLines.split("") == [])
  }

  @Test func dropsALeadingByteOrderMark() {
    #expect(SourceLines.split("\u{FEFF}---\nx") == ["---", "x"])
  }

  @Test func keepsTabs() {
    #expect(SourceLines.split("\tlet x = 1\n") == ["\tlet x = 1"])
  }

  @Test func aWindowsFileParsesLikeAUnixOne() throws {
    let unix = EpisodeText.withBody("Some prose.\n\n```swift\nlet x = 1\n```\n")
    let windows = unix.replacing("\n", with: "\r\n")
    #expect(windows.contains("\r\n"))
    let fromWindows = try EpisodeParser.parse(windows, path: EpisodeText.path)
    let fromUnix = try EpisodeParser.parse(unix, path: EpisodeText.path)
    #expect(fromWindows == fromUnix)
    #expect(fromWindows.script.steps.first?.code == "let x = 1")
  }
}
