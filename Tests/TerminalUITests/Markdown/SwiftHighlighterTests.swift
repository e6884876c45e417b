import Testing

@testable import TerminalUI

@Suite struct SwiftHighlighterTests {
  static let code = """
    // Count the parameters.
    let conv = Conv2D(filters: 16, kernelSize: 3, activation: .relu)
    /* a /* nested */ comment */ var rate = 1e-3
    print("\\(conv.parameterCount) weights", #"raw "quote""#)
    for case .default in modes where x is Int { return nil }
    """

  func tokens(_ code: String) -> [[SwiftHighlighter.Token]] {
    SwiftHighlighter.tokenizedLines(code)
  }

  func kinds(_ code: String, _ kind: SwiftHighlighter.Kind) -> [String] {
    tokens(code).flatMap { $0.filter { $0.kind == kind }.map(\.text) }
  }

  @Test func plainModeLeavesTheTextUnchanged() {
    #expect(highlightedSwift(Self.code, for: .plain(width: 120)) == Self.code.split(separator: "\n").map(String.init))
  }

  @Test func colourModeShowsTheSameTextOnceStripped() {
    let lines = highlightedSwift(Self.code, for: ChartTestSupport.colour(width: 120))
    #expect(lines.map(VisibleText.stripped) == Self.code.split(separator: "\n").map(String.init))
    #expect(lines.contains { $0.contains("\u{1B}[") })
  }

  @Test func keywordsAreColoured() {
    let lines = highlightedSwift("let x = y", for: ChartTestSupport.colour())
    #expect(lines == [ChartTestSupport.foregroundCode(MarkdownStyle.keyword) + "let" + ANSI.reset + " x = y"])
  }

  @Test func keywordsAsMembersOrArgumentLabelsAreNot() {
    #expect(kinds(Self.code, .keyword) == ["let", "var", "for", "case", "in", "where", "is", "return", "nil"])
    #expect(kinds("f(for: 1, in: x, is: .default)", .keyword).isEmpty)
  }

  @Test func stringsNumbersAndCommentsHaveTheirOwnKinds() {
    #expect(kinds(Self.code, .comment) == ["// Count the parameters.", "/* a /* nested */ comment */"])
    #expect(kinds(Self.code, .number) == ["16", "3", "1e-3"])
    #expect(kinds(Self.code, .string) == ["\"\\(", ") weights\"", "#\"raw \"quote\"\"#"])
  }

  @Test func numbersInsideNamesAreNotNumbers() {
    #expect(kinds("let conv2d = x.0 + 0x1F + 1_000.5", .number) == ["0", "0x1F", "1_000.5"])
  }

  @Test func multilineStringsAndCommentsSpanLines() {
    let lines = tokens("let s = \"\"\"\n  a \"quoted\" word\n  \"\"\"\n/* one\ntwo */ x")
    #expect(lines[1] == [SwiftHighlighter.Token(text: "  a \"quoted\" word", kind: .string)])
    #expect(lines[3] == [SwiftHighlighter.Token(text: "/* one", kind: .comment)])
    #expect(lines[4].first == SwiftHighlighter.Token(text: "two */", kind: .comment))
  }

  @Test func anUnterminatedStringStopsAtTheEndOfItsLine() {
    #expect(tokens("let s = \"open\nlet t = 1")[1].first?.kind == .keyword)
  }

  @Test func tabsBecomeFourSpacesAndTrailingBlankLinesGo() {
    #expect(highlightedSwift("\tx  \n\n", for: .plain()) == ["    x"])
  }
}
