import Testing

@testable import TerminalUI

@Suite struct MarkdownBlocksTests {
  func blocks(_ markdown: String) -> [MarkdownBlock] {
    MarkdownBlockParser.blocks(in: markdown)
  }

  @Test func paragraphLinesAreJoinedWithSpacesAndEndAtABlankLine() {
    #expect(blocks("one\n  two\n\nthree") == [.paragraph("one two"), .paragraph("three")])
  }

  @Test func headingsUpToThreeLevelsWithClosingHashesDropped() {
    #expect(
      blocks("# One\n## Two ##\n### Three\n#### Four") == [
        .heading(level: 1, text: "One"), .heading(level: 2, text: "Two"), .heading(level: 3, text: "Three"),
        .heading(level: 3, text: "Four"),
      ])
    #expect(blocks("#hashtag") == [.paragraph("#hashtag")])
  }

  @Test func fencedCodeKeepsItsLinesAndTakesTheFirstWordOfTheInfoString() {
    let code = "```swift no-run\nlet x = 1\n\n  if x > 0 {}\n```\nafter"
    #expect(
      blocks(code) == [.code(language: "swift", lines: ["let x = 1", "", "  if x > 0 {}"]), .paragraph("after")])
    #expect(blocks("~~~\n```\n~~~") == [.code(language: "", lines: ["```"])])
  }

  @Test func anUnclosedFenceRunsToTheEnd() {
    #expect(blocks("```output\n1\n2") == [.code(language: "output", lines: ["1", "2"])])
  }

  @Test func listItemsNestByIndentation() {
    let list = blocks("- a\n  - b\n    more b\n- c\n1. x")
    let nested = MarkdownList(start: nil, items: [[.paragraph("b more b")]], isLoose: false)
    #expect(
      list == [
        .list(MarkdownList(start: nil, items: [[.paragraph("a"), .list(nested)], [.paragraph("c")]], isLoose: false)),
        .list(MarkdownList(start: 1, items: [[.paragraph("x")]], isLoose: false)),
      ])
  }

  @Test func twoSpacesNestUnderANumberedItemToo() {
    let list = blocks("1. a\n  - b\n2. c")
    let nested = MarkdownList(start: nil, items: [[.paragraph("b")]], isLoose: false)
    #expect(
      list == [
        .list(MarkdownList(start: 1, items: [[.paragraph("a"), .list(nested)], [.paragraph("c")]], isLoose: false))
      ])
  }

  @Test func blankLinesBetweenItemsMakeALooseList() {
    guard case .list(let list) = blocks("3. a\n\n4. b").first else {
      Issue.record("not a list")
      return
    }
    #expect(list.start == 3 && list.isLoose && list.items.count == 2)
  }

  @Test func aListEndsAtAnUnindentedParagraphAfterABlankLine() {
    #expect(
      blocks("- a\nlazy\n\nafter") == [
        .list(MarkdownList(start: nil, items: [[.paragraph("a lazy")]], isLoose: false)), .paragraph("after"),
      ])
  }

  @Test func emphasisAtTheStartOfALineIsNotABullet() {
    #expect(blocks("*Note* this\n**Bold** that") == [.paragraph("*Note* this **Bold** that")])
  }

  @Test func tablesNeedASeparatorRowAndReadAlignments() {
    let table = blocks("| a | b | c |\n|:--|:-:|--:|\n| 1 | `x|y` | 3 |\n| 4 |\ntext")
    #expect(
      table == [
        .table(
          MarkdownTableSource(
            header: ["a", "b", "c"], alignments: [.left, .centre, .right], rows: [["1", "`x|y`", "3"], ["4", "", ""]])),
        .paragraph("text"),
      ])
    #expect(blocks("a | b\nnot a separator") == [.paragraph("a | b not a separator")])
  }

  @Test func quotesAreParsedAsBlocksOfTheirOwn() {
    #expect(
      blocks("> # T\n> text\nlazy\n\nafter") == [
        .quote([.heading(level: 1, text: "T"), .paragraph("text lazy")]), .paragraph("after"),
      ])
  }

  @Test func thematicBreaksAreRulesNotBullets() {
    #expect(blocks("---\n- - -\n***") == [.rule, .rule, .rule])
  }

  @Test func tabsCountAsFourSpaces() {
    #expect(blocks("- a\n\t- b") == blocks("- a\n    - b"))
  }
}
