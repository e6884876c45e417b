import Testing

@testable import TerminalUI

@Suite struct MarkdownViewTests {
  /// Every element prose may hold, with three blank lines before the last heading.
  static let sample = """
    # Filters

    A *filter* is a **small** grid of weights; `Conv2D` slides it over the image. See [Keras](https://keras.io).

    ## Steps

    - Load the images.
    - Build a model whose first layer has sixteen filters of three by three pixels:
      1. `Conv2D`
      2. `MaxPooling2D`

    | Layer | Param # |
    |:--|--:|
    | conv | 448 |
    | dense | 5,130 |

    ```swift
    let conv = Conv2D(filters: 16, kernelSize: 3, activation: .relu) // first layer
    ```

    ```output
    [30, 30, 16]
    ```

    ```bash
    swift run lesson
    ```

    > Press *Enter* to run a step.



    ### Next

    Train it.
    """

  static let ascii = TerminalCapabilities(isTerminal: false, colors: .none, width: 80, usesUnicode: false)

  // Paragraphs and list items are wrapped greedily at spaces (the reference wrap of Python's
  // `textwrap`); the table's columns are as wide as their longest cell (5 and 7); the Swift line,
  // 80 characters behind an indent of 2, goes on below behind `↪`, broken before its comment.
  @Test func plainRenderingAt80ColumnsMatchesTheGolden() {
    let expected = """
      Filters
      ═══════

      A filter is a small grid of weights; `Conv2D` slides it over the image. See
      Keras (https://keras.io).

      Steps
      ─────

      • Load the images.
      • Build a model whose first layer has sixteen filters of three by three pixels:
        1. `Conv2D`
        2. `MaxPooling2D`

      ┏━━━━━━━┳━━━━━━━━━┓
      ┃ Layer ┃ Param # ┃
      ┡━━━━━━━╇━━━━━━━━━┩
      │ conv  │     448 │
      │ dense │   5,130 │
      └───────┴─────────┘

        let conv = Conv2D(filters: 16, kernelSize: 3, activation: .relu)
          ↪ // first layer

        │ [30, 30, 16]

        swift run lesson

      │ Press Enter to run a step.

      Next

      Train it.
      """
    #expect(MarkdownView(Self.sample).lines(for: .plain(width: 80)).joined(separator: "\n") == expected)
  }

  @Test func plainRenderingAt40ColumnsMatchesTheGolden() {
    let expected = """
      Filters
      ═══════

      A filter is a small grid of weights;
      `Conv2D` slides it over the image. See
      Keras (https://keras.io).

      Steps
      ─────

      • Load the images.
      • Build a model whose first layer has
        sixteen filters of three by three
        pixels:
        1. `Conv2D`
        2. `MaxPooling2D`

      ┏━━━━━━━┳━━━━━━━━━┓
      ┃ Layer ┃ Param # ┃
      ┡━━━━━━━╇━━━━━━━━━┩
      │ conv  │     448 │
      │ dense │   5,130 │
      └───────┴─────────┘

        let conv = Conv2D(filters: 16,
          ↪ kernelSize: 3, activation: .relu)
          ↪ // first layer

        │ [30, 30, 16]

        swift run lesson

      │ Press Enter to run a step.

      Next

      Train it.
      """
    #expect(MarkdownView(Self.sample).lines(for: .plain(width: 40)).joined(separator: "\n") == expected)
  }

  @Test func asciiTerminalsGetAsciiRulesBulletsAndGutters() {
    let lines = MarkdownView(Self.sample).lines(for: Self.ascii)
    #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    #expect(lines[1] == "=======")
    #expect(lines.contains("-----"))
    #expect(lines.contains("- Load the images."))
    #expect(lines.contains("  | [30, 30, 16]"))
    #expect(lines.contains("| Press Enter to run a step."))
  }

  @Test func noLineIsWiderThanTheTerminal() {
    for width in [30, 40, 80, 120] {
      var modes = VisibleText.everyMode(width: width)
      modes.append(TerminalCapabilities(isTerminal: false, colors: .none, width: width, usesUnicode: false))
      for capabilities in modes {
        ChartTestSupport.expectFits(MarkdownView(Self.sample).lines(for: capabilities), width: width)
      }
    }
  }

  @Test func tinyWidthsStillFit() {
    for width in ChartTestSupport.tinyWidths {
      ChartTestSupport.expectFits(MarkdownView(Self.sample).lines(for: .plain(width: width)), width: width)
    }
  }

  @Test func plainModeHasNoEscapesAndNoCarriageReturns() {
    ChartTestSupport.expectPlain(MarkdownView(Self.sample).lines(for: .plain(width: 80)))
  }

  @Test func colourModeBoldsAndColoursHeadingsAndStyleInlineText() {
    let lines = MarkdownView(Self.sample).lines(for: ChartTestSupport.colour())
    let bold = "\u{1B}[1m"
    let heading = ChartTestSupport.foregroundCode(MarkdownStyle.heading)
    #expect(lines[0] == bold + heading + "Filters" + ANSI.reset)
    #expect(lines[1].isEmpty)
    #expect(lines[2].contains("\u{1B}[3mfilter" + ANSI.reset))
    #expect(lines[2].contains(bold + "small" + ANSI.reset))
    #expect(lines[2].contains(ChartTestSupport.foregroundCode(MarkdownStyle.code) + "Conv2D" + ANSI.reset))
    #expect(lines.contains(bold + "Next" + ANSI.reset))
  }

  @Test func colourModeDimsOutputAndGutters() {
    let lines = MarkdownView(Self.sample).lines(for: ChartTestSupport.colour())
    let secondary = ChartTestSupport.foregroundCode(MarkdownStyle.secondary)
    #expect(lines.contains("  " + secondary + "│ [30, 30, 16]" + ANSI.reset))
    #expect(lines.contains { $0.hasPrefix(secondary + "│" + ANSI.reset + " Press ") })
  }

  @Test func colourAndPlainDifferOnlyInEscapesAndMarkers() {
    let colour = MarkdownView(Self.sample).lines(for: ChartTestSupport.colour(width: 80)).map(VisibleText.stripped)
    let plain = MarkdownView(Self.sample).lines(for: .plain(width: 80))
    // Without colour, headings gain an underline and code spans keep their backticks; lines may
    // break elsewhere (the backticks take room), so the words are compared.
    func words(_ lines: [String]) -> [Substring] {
      lines.filter { !$0.hasPrefix("═") && !$0.hasPrefix("─") }.joined(separator: " ").replacing("`", with: "")
        .split(separator: " ")
    }
    #expect(words(colour) == words(plain))
  }

  @Test func blankLinesCollapseToOne() {
    let lines = MarkdownView("First.\n\n\n\n\nSecond.\n\n\n").lines(for: .plain())
    #expect(lines == ["First.", "", "Second."])
  }

  @Test func aHeadingGetsABlankLineBeforeItEvenWithoutOneInTheSource() {
    let lines = MarkdownView("Some text.\n## Next\nMore text.").lines(for: .plain())
    #expect(lines == ["Some text.", "", "Next", "────", "", "More text."])
  }

  @Test func theFirstLineIsNeverBlank() {
    #expect(MarkdownView("\n\n# Title").lines(for: .plain()).first == "Title")
    #expect(MarkdownView("").lines(for: .plain()).isEmpty)
  }

  @Test func aLongHeadingWrapsAndIsUnderlinedAsWideAsItsWidestLine() {
    let lines = MarkdownView("# Training a convolutional network").lines(for: .plain(width: 20))
    #expect(lines == ["Training a", "convolutional", "network", "═════════════"])
  }

  @Test func numbersAreRightAlignedAndWrappedLinesHangUnderTheText() {
    let items = (1...10).map { "1. item \($0)" }.joined(separator: "\n")
    let lines = MarkdownView(items + "\n    - a nested bullet that wraps").lines(for: .plain(width: 20))
    // Item 10 leaves 16 columns for its text, and the nested bullet 14 for its own.
    #expect(Array(lines.prefix(2)) == [" 1. item 1", " 2. item 2"])
    #expect(Array(lines.suffix(4)) == ["10. item 10", "    • a nested", "      bullet that", "      wraps"])
  }

  @Test func looseListsKeepABlankLineBetweenItems() {
    #expect(MarkdownView("- one\n\n- two").lines(for: .plain()) == ["• one", "", "• two"])
  }

  @Test func quotesHoldBlocksBehindAGutter() {
    let lines = MarkdownView("> ## Note\n> Read this.\n>\n> - one\n> - two").lines(for: .plain())
    #expect(lines == ["│ Note", "│ ────", "│", "│ Read this.", "│", "│ • one", "│ • two"])
  }

  @Test func aThematicBreakIsARuleAcrossTheWidth() {
    #expect(
      MarkdownView("Above\n\n---\n\nBelow").lines(for: .plain(width: 10)) == ["Above", "", "──────────", "", "Below"])
  }

  @Test func aFencedOutputBlockWrapsBehindItsGutter() {
    let markdown = "```output\nEpoch 1/10: loss 0.6931, accuracy 0.5000, val_loss 0.6925, val_accuracy 0.5125\n```"
    let lines = MarkdownView(markdown).lines(for: .plain(width: 40))
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 40 && $0.hasPrefix("  │ ") }, "\(lines)")
    #expect(lines.joined().contains("val_accuracy"))
  }

  @Test func wideCharactersWrapByTheirColumnsAt40() {
    let markdown = """
      猫と犬の写真を分類するモデルを作ります。最初の層は畳み込み層です。 Each class is a folder.

      - 猫 (cat): 写真は全部で百二十枚あります、窓の光の中で寝ている猫も
      > 注意: 画像の大きさは揃えてください。

      | Class | Example |
      |---|---|
      | 猫 | ソファで寝ている猫の写真 |
      """
    for capabilities in VisibleText.everyMode(width: 40) {
      let lines = MarkdownView(markdown).lines(for: capabilities)
      #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 40 }, "\(lines.map(VisibleText.stripped))")
    }
  }
}
