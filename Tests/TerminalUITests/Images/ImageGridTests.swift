import Foundation
import ImageCodecs
import Testing

@testable import TerminalUI

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct ImageGridTests {
  /// A 4×4 gray ramp, left to right then top to bottom: the pixel in row y, column x is
  /// (x + 4y) · 17, so 0 at the top left and 255 at the bottom right.
  static let gradient = Image(width: 4, height: 4, channels: 1, pixels: (0..<16).map { UInt8($0 * 17) })

  /// A 32×32 colour pattern, the size of the lesson's pictures: red grows to the right, green
  /// downwards.
  static let pattern = Image(
    width: 32, height: 32, channels: 3,
    pixels: (0..<32 * 32).flatMap { (index: Int) -> [UInt8] in [UInt8(index % 32 * 8), UInt8(index / 32 * 8), 128] })

  /// The gradient drawn 8 columns wide: each image row becomes one line (two pixel rows of the
  /// same source row), each pixel two characters of the ramp ` .:-=+*#%@` at index value · 10 / 256.
  static let gradientLines = ["    ....", "::----==", "++++**##", "##%%@@@@"]

  // MARK: - Plain text

  @Test func plainGridPutsCentredTitlesOverImagesAndCutsLongOnes() {
    let grid = ImageGrid([
      .init(Self.gradient, title: "cat"), .init(Self.gradient, title: "elephant seal"),
      .prediction(Self.gradient, label: "7", predicted: "1"),
    ])
    let expected = """
        cat     elephan…  ✗ 7 → 1
          ....      ....      ....
      ::----==  ::----==  ::----==
      ++++**##  ++++**##  ++++**##
      ##%%@@@@  ##%%@@@@  ##%%@@@@
      """
    #expect(grid.lines(for: .plain(width: 40)) == expected.components(separatedBy: "\n"))
  }

  @Test func fiveImagesFillTwoRowsWithTitlesBelow() {
    let grid = ImageGrid(
      images: Array(repeating: Self.gradient, count: 5), titles: ["0", "1", "2", "3", "4"], titlePosition: .below)
    let expected = """
          ....      ....      ....
      ::----==  ::----==  ::----==
      ++++**##  ++++**##  ++++**##
      ##%%@@@@  ##%%@@@@  ##%%@@@@
         0         1         2

          ....      ....
      ::----==  ::----==
      ++++**##  ++++**##
      ##%%@@@@  ##%%@@@@
         3         4
      """
    #expect(grid.lines(for: .plain(width: 40)) == expected.components(separatedBy: "\n"))
  }

  @Test func oneImageIsDrawnAlone() {
    let lines = ImageGrid(images: [Self.gradient], titles: ["gradient"]).lines(for: .plain(width: 80))
    #expect(lines == ["gradient"] + Self.gradientLines)
  }

  @Test func tooNarrowForAnyImageListsTheTitlesAlone() {
    let grid = ImageGrid([
      .init(Self.gradient, title: "cat"), .init(Self.gradient, title: "elephant seal"),
      .prediction(Self.gradient, label: "7", predicted: "1"), .prediction(Self.gradient, label: "7", predicted: "7"),
    ])
    #expect(grid.lines(for: .plain(width: 5)) == ["cat", "elep…", "✗ 7…", "✓ 7"])
  }

  @Test func missingTitlesAreEmptyAndExtraTitlesAreLeftOut() {
    let short = ImageGrid(images: [Self.gradient, Self.gradient], titles: ["one"])
    #expect(short.lines(for: .plain(width: 40)).first == "  one")
    let long = ImageGrid(images: [Self.gradient], titles: ["one", "two"])
    #expect(long.lines(for: .plain(width: 40)) == ["  one"] + Self.gradientLines)
  }

  @Test func anEmptyGridDrawsNothing() {
    #expect(ImageGrid([]).lines(for: .plain()).isEmpty)
  }

  // MARK: - Layout

  /// Three 32-pixel images with 2-column gaps need 100 columns; narrower terminals shrink them to
  /// (width − 4) / 3 columns each, down to 8, and then drop to fewer columns.
  @Test(arguments: [(120, 3, 32), (80, 3, 25), (40, 3, 12), (28, 3, 8), (27, 2, 12), (9, 1, 9), (8, 1, 8)])
  func lessonSizedImagesShrinkBeforeColumnsAreDropped(width: Int, columns: Int, cellWidth: Int) throws {
    let grid = ImageGrid(images: Array(repeating: Self.pattern, count: 9), titles: [])
    let layout = try #require(grid.layout(forWidth: width))
    #expect(layout.columns == columns)
    #expect(layout.cellWidth == cellWidth)
    #expect(grid.layout(forWidth: 7) == nil)
  }

  @Test func rowsAreBalancedRatherThanLeavingOneImageAlone() {
    let four = ImageGrid(images: Array(repeating: Self.pattern, count: 4), titles: [])
    #expect(four.layout(forWidth: 120)?.columns == 2)
    let five = ImageGrid(images: Array(repeating: Self.pattern, count: 5), titles: [])
    #expect(five.layout(forWidth: 120)?.columns == 3)
  }

  /// Nine 28-pixel digits in 3 columns of 25 at 80 columns take 3 × (1 + 13) + 2 = 44 lines; in a
  /// 24-row terminal the grid keeps to 22 rows, and draws them larger in 5 columns (2 rows of 14
  /// columns each: 2 × (1 + 7) + 1 = 17 lines) than 3 columns could (10 columns each).
  @Test func aGridKeepsWithinTheTerminalsHeightDrawingImagesAsLargeAsThatAllows() throws {
    let digit = Image(width: 28, height: 28, channels: 1, pixels: Array(repeating: 200, count: 28 * 28))
    let grid = ImageGrid(images: Array(repeating: digit, count: 9), titles: (1...9).map(String.init))
    #expect(grid.layout(forWidth: 80)! == (3, 25))
    let layout = try #require(grid.layout(forWidth: 80, height: 24))
    #expect(layout == (5, 14))
    var capabilities = TerminalCapabilities.plain(width: 80)
    capabilities.height = 24
    let lines = grid.lines(for: capabilities)
    #expect(lines.count == 17)
    #expect(lines.count <= 24 - ImageGrid.rowsLeftFree)
    #expect(lines.allSatisfy { VisibleText.width($0) <= 80 })
  }

  @Test func aGridThatFitsTheHeightKeepsItsLayout() {
    let grid = ImageGrid(images: Array(repeating: Self.pattern, count: 3), titles: [])
    #expect(grid.layout(forWidth: 120, height: 40)! == grid.layout(forWidth: 120)!)
  }

  @Test(arguments: [40, 80, 120], [1, 5, 9])
  func noLineIsWiderThanTheTerminal(width: Int, count: Int) {
    let tiles = (0..<count).map { index in
      ImageGrid.Tile.prediction(Self.pattern, label: "a rather long class name \(index)", predicted: "another")
    }
    for capabilities in VisibleText.everyMode(width: width) {
      let lines = ImageGrid(tiles).lines(for: capabilities)
      #expect(lines.allSatisfy { VisibleText.width($0) <= width }, "width \(width), \(capabilities.colors)")
      // Each row of images is a title line and 16 image lines (32 pixels, two per line, at up to
      // 32 columns); rows are separated by blank lines.
      let rows = (count + 2) / 3
      let cellWidth: Int = ImageGrid(tiles).layout(forWidth: width)?.cellWidth ?? 0
      let imageLines = (cellWidth + 1) / 2
      #expect(lines.count == rows * (1 + imageLines) + rows - 1)
    }
  }

  // MARK: - Colour

  @Test func colourTitlesCarryTheirOutcomeColourAndSymbol() {
    let grid = ImageGrid([
      .prediction(Self.gradient, label: "7", predicted: "7"), .prediction(Self.gradient, label: "7", predicted: "1"),
    ])
    let lines = grid.lines(for: TerminalCapabilities(isTerminal: true, colors: .trueColor, width: 40))
    #expect(lines[0].contains("\u{1B}[38;2;44;160;44m✓ 7\u{1B}[0m"))
    #expect(lines[0].contains("\u{1B}[38;2;214;39;40m✗ 7 → 1\u{1B}[0m"))
    #expect(lines.dropFirst().allSatisfy { $0.contains("▀") && $0.hasSuffix("\u{1B}[0m") })
    #expect(
      VisibleText.stripped(lines[1]) == String(repeating: "▀", count: 8) + "  " + String(repeating: "▀", count: 8))
  }

  @Test func palette256UsesIndexedColours() {
    let capabilities = TerminalCapabilities(isTerminal: true, colors: .palette256, width: 40)
    let lines = ImageGrid(images: [Self.gradient], titles: ["x"]).lines(for: capabilities)
    // The top-left pixel is black: index 16 of the 256-colour palette.
    #expect(lines[1].hasPrefix("\u{1B}[38;5;16m\u{1B}[48;5;16m▀"))
    #expect(!lines.joined().contains("38;2;"))
  }

  @Test func plainModeWritesNoEscapesAndNoCarriageReturns() {
    let grid = ImageGrid((0..<9).map { _ in ImageGrid.Tile.prediction(Self.pattern, label: "cat", predicted: "dog") })
    let text = grid.lines(for: .plain(width: 80)).joined(separator: "\n")
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\r"))
  }

  // MARK: - SVG

  @Test(arguments: [1, 5, 9])
  func svgIsWellFormedWithOneEmbeddedImagePerTile(count: Int) {
    let tiles = (0..<count).map { index in
      ImageGrid.Tile.prediction(
        index.isMultiple(of: 2) ? Self.pattern : Self.gradient, label: "<c&o>", predicted: "dog")
    }
    let text = ImageGrid(tiles).svg(title: "A \"batch\"").rendered()
    #expect(XMLParser(data: Data(text.utf8)).parse())
    #expect(text.components(separatedBy: "<image").count - 1 == count)
    #expect(text.contains("✗ &lt;c&amp;o&gt; → dog"))
    #expect(text.contains("fill=\"\(Palette.bad.hex)\""))
  }

  @Test func svgFitsThreeColumnsOfNinetySixUnitSquares() {
    let svg = ImageGrid(images: Array(repeating: Self.pattern, count: 5), titles: []).svg(title: "Five")
    // Width: 16 margin + 3 · 96 + 2 · 16 gaps + 16 margin. Height: 28 heading + 16 + two rows of
    // 96 + 20 for titles, 16 between them.
    let width: Double = 16 + 3 * 96 + 2 * 16 + 16
    let height: Double = 28 + 16 + 2 * (96 + 20) + 16
    #expect(svg.width == width)
    #expect(svg.height == height)
    #expect(svg.rendered().contains("image-rendering:pixelated"))
  }
}
