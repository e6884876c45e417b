import Testing

@testable import TerminalUI

@Suite struct MarkdownReflowTests {
  @Test func paragraphsAreJoinedAndBrokenAgainAtTheWidth() {
    let markdown = "You are about to ask a computer to label pictures like these.\nWhat would you want to know?"
    #expect(
      MarkdownReflow.reflowed(markdown, width: 30) == """
        You are about to ask a
        computer to label pictures
        like these. What would you
        want to know?
        """)
  }

  @Test func listItemsKeepTheirMarkerAndIndentTheirContinuation() {
    let markdown = "- a) from the name of the folder the image is in\n- b) from its file name"
    #expect(
      MarkdownReflow.reflowed(markdown, width: 24) == """
        - a) from the name of
          the folder the image
          is in
        - b) from its file name
        """)
  }

  @Test func headingsCodeAndBlankLinesAreLeftAsTheyAre() {
    let markdown = """
      ### Exercise 1.1

      ```swift
      let validationSet = try imageDatasetFromDirectory("Datasets/digits/val")
      ```
      """
    #expect(MarkdownReflow.reflowed(markdown, width: 20) == markdown)
  }
}
