import Testing

@testable import TerminalUI

@Suite struct CheckResultsViewTests {
  let view = CheckResultsView(
    items: [
      .init(name: "output shape", passed: true),
      .init(
        name: "parameters", passed: false, expected: "448", got: "432", note: "Likely mistake: count the bias too"),
      .init(name: "sums to 1", passed: false),
    ],
    summary: "1 of 3 checks pass", isSuccess: false)

  @Test func plainLinesCarryMarksExpectedGotAndNotes() {
    #expect(
      view.lines(for: .plain()) == [
        "✓ output shape",
        "✗ parameters — expected 448, got 432",
        "  Likely mistake: count the bias too",
        "✗ sums to 1",
        "1 of 3 checks pass",
      ])
  }

  @Test func colourChangesNoVisibleText() {
    for capabilities in VisibleText.everyMode(width: 80) {
      #expect(view.lines(for: capabilities).map(VisibleText.stripped) == view.lines(for: .plain()))
    }
    let coloured = view.lines(for: TerminalCapabilities(isTerminal: true, colors: .palette256, width: 80))
    #expect(coloured[0] != "✓ output shape")
  }

  @Test func withoutUnicodeTheMarksAreWords() {
    let ascii = TerminalCapabilities(isTerminal: false, colors: .none, width: 80, usesUnicode: false)
    let lines = view.lines(for: ascii)
    #expect(lines[0] == "ok output shape")
    #expect(lines[3] == "X sums to 1")
  }

  @Test func compileErrorsComeFirstAndWrapAsAProblemDoesWithItsDetailsIndented() {
    let failed = CheckResultsView(
      items: [], compileErrors: ["a.swift:3: error: cannot find 'x' in scope"],
      problem: "The program crashed (SIGILL: a Swift runtime error such as an index out of range)", details: ["Fatal"],
      summary: "done", isSuccess: false)
    #expect(
      failed.lines(for: .plain(width: 40)) == [
        "a.swift:3: error: cannot find 'x' in",
        "  scope",
        "✗ The program crashed (SIGILL: a Swift",
        "  runtime error such as an index out of",
        "  range)",
        "  Fatal",
        "done",
      ])
  }

  @Test func aFailureTooLongForOneLineShowsExpectedAndGotUnderItsName() {
    let shapes = CheckResultsView(
      items: [
        .init(
          name: "output shape of the second convolution", passed: false, expected: "[None, 13, 13, 32]",
          got: "[None, 26, 26, 32]", note: "Likely mistake: the pooling layer before it is missing")
      ],
      compileErrors: ["Sources/exercise-3.swift:12:5: error: cannot find 'MaxPooling2d' in scope"],
      summary: "0 of 1 checks pass", isSuccess: false)
    for capabilities in VisibleText.everyMode(width: 40) {
      let lines = shapes.lines(for: capabilities)
      #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 40 }, "\(lines)")
      #expect(lines.map(VisibleText.stripped) == shapes.lines(for: .plain(width: 40)))
    }
    let colour = shapes.lines(for: ChartTestSupport.colour(width: 40))
    #expect(colour[0].contains(ChartTestSupport.foregroundCode(Palette.bad) + "error:"), "\(colour[0])")
    #expect(
      shapes.lines(for: .plain(width: 40)) == [
        "Sources/exercise-3.swift:12:5: error:",
        "  cannot find 'MaxPooling2d' in scope",
        "✗ output shape of the second convolution",
        "  expected [None, 13, 13, 32]",
        "  got      [None, 26, 26, 32]",
        "  Likely mistake: the pooling layer",
        "  before it is missing",
        "0 of 1 checks pass",
      ])
  }
}
