import Foundation
import ImageCodecs
import Testing

@testable import TerminalUI

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct PixelGridTests {
  /// A 4×4 gray ramp: the pixel in row y, column x is (x + 4y) · 17, from 0 to 255.
  static let gradient = Image(width: 4, height: 4, channels: 1, pixels: (0..<16).map { UInt8($0 * 17) })

  /// A 2×2 colour image: red and green on top, blue and white below.
  static let primaries = Image(
    width: 2, height: 2, channels: 3, pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])

  /// A 28×28 gray image, the size of a digit: the pixel in row y, column x is 9x.
  static let digitSized = Image(
    width: 28, height: 28, channels: 1, pixels: (0..<28 * 28).map { UInt8($0 % 28 * 9) })

  // MARK: - Plain text

  @Test func grayPixelsMakeAnAlignedTableUnderTheCaption() {
    let expected = """
      Rows 0–3 and columns 0–3 (counted from 0) of a 4×4 gray image: 4×4 pixels. Each
      number is a pixel's brightness, from 0 (black) to 255 (white).

          0   1   2   3
      0   0  17  34  51
      1  68  85 102 119
      2 136 153 170 187
      3 204 221 238 255
      """
    #expect(PixelGrid(Self.gradient).lines(for: .plain(width: 80)) == expected.components(separatedBy: "\n"))
  }

  /// Each value is value / 255 to two decimals: 17 / 255 = 0.0667 → 0.07, 119 / 255 = 0.4667 → 0.47.
  @Test func rescaledValuesRunFromZeroToOne() {
    let expected = """
      Rows 0–3 and columns 0–3 (counted from 0) of a 4×4 gray image: 4×4 pixels. Each
      number is a pixel's brightness, from 0.00 (black) to 1.00 (white).

           0    1    2    3
      0 0.00 0.07 0.13 0.20
      1 0.27 0.33 0.40 0.47
      2 0.53 0.60 0.67 0.73
      3 0.80 0.87 0.93 1.00
      """
    let grid = PixelGrid(Self.gradient, values: .rescaled)
    #expect(grid.lines(for: .plain(width: 80)) == expected.components(separatedBy: "\n"))
  }

  @Test func colourPixelsStackTheirRedGreenAndBlueNumbers() {
    let expected = """
      Rows 0–1 and columns 0–1 (counted from 0) of a 2×2 colour image: 2×2 pixels.
      Each pixel is three numbers, its red (R), green (G) and blue (B), from 0 (none)
      to 255 (full).

            0   1
      0 R 255   0
        G   0 255
        B   0   0

      1 R   0 255
        G   0 255
        B 255 255
      """
    #expect(PixelGrid(Self.primaries).lines(for: .plain(width: 80)) == expected.components(separatedBy: "\n"))
  }

  @Test func aNarrowTerminalKeepsTheColumnsThatFitAndSaysSo() {
    // The row labels take 1 column and each cell 4, so 12 columns hold 2 of the 4.
    let lines = PixelGrid(Self.gradient).lines(for: .plain(width: 12))
    #expect(lines.suffix(5) == ["    0   1", "0   0  17", "1  68  85", "2 136 153", "3 204 221"])
    let caption = lines.prefix { !$0.isEmpty }.joined(separator: " ")
    #expect(caption.contains("columns 0–1"))
    #expect(caption.contains("Columns 2–3 do not fit in the terminal's width."))
    #expect(lines.allSatisfy { $0.count <= 12 })
  }

  @Test func tooNarrowForOneColumnListsEachPixel() {
    // The labels take 3 columns and a cell 4, so 6 columns hold none.
    let lines = PixelGrid(Self.primaries).lines(for: .plain(width: 6))
    #expect(lines.allSatisfy { $0.count <= 6 })
    #expect(lines.suffix(4) == ["(0, 0…", "(0, 1…", "(1, 0…", "(1, 1…"])
  }

  // MARK: - Regions

  @Test func aRegionAroundAPointIsCentredOnIt() {
    let centre = PixelGrid(Self.digitSized, aroundRow: 14, column: 14)
    #expect(centre.rows == 10..<18)
    #expect(centre.columns == 10..<18)
    let lines = centre.lines(for: .plain(width: 80))
    // Row 10 holds 9 · column for columns 10 to 17.
    #expect(lines.contains("10  90  99 108 117 126 135 144 153"))
  }

  @Test func aRegionNearAnEdgeMovesInside() {
    let corner = PixelGrid(Self.digitSized, aroundRow: 27, column: 1, size: 6)
    #expect(corner.rows == 22..<28)
    #expect(corner.columns == 0..<6)
    let small = PixelGrid(Self.gradient, aroundRow: 2, column: 2)
    #expect(small.rows == 0..<4 && small.columns == 0..<4)
    let clipped = PixelGrid(Self.gradient, rows: 2..<10, columns: -3..<1)
    #expect(clipped.rows == 2..<4 && clipped.columns == 0..<1)
  }

  @Test(arguments: [40, 80, 120])
  func noLineIsWiderThanTheTerminal(width: Int) {
    let photoSized = Image(
      width: 451, height: 300, channels: 3, pixels: (0..<451 * 300 * 3).map { UInt8($0 % 256) })
    for capabilities in VisibleText.everyMode(width: width) {
      for grid in [
        PixelGrid(Self.digitSized, aroundRow: 14, column: 14), PixelGrid(Self.digitSized, values: .rescaled),
        PixelGrid(photoSized, aroundRow: 150, column: 440, size: 12),
      ] {
        let lines = grid.lines(for: capabilities)
        #expect(lines.allSatisfy { VisibleText.width($0) <= width }, "width \(width), \(capabilities.colors)")
      }
    }
  }

  // MARK: - Colour

  @Test func colourCellsAreTintedWithReadableDigits() {
    let capabilities = TerminalCapabilities(isTerminal: true, colors: .trueColor, width: 80)
    let lines = PixelGrid(Self.primaries).lines(for: capabilities)
    // Red is dark (luminance 76 of 255), so its digits are white; white pixels get black digits.
    #expect(lines.contains { $0.contains("\u{1B}[48;2;255;0;0m\u{1B}[38;2;255;255;255m 255\u{1B}[0m") })
    #expect(lines.contains { $0.contains("\u{1B}[48;2;255;255;255m\u{1B}[38;2;0;0;0m 255\u{1B}[0m") })
    #expect(lines.map(VisibleText.stripped) == PixelGrid(Self.primaries).lines(for: .plain(width: 80)))
  }

  /// The example: neighbours in the cat photo, (144, 117, 62) and (138, 115, 61), were
  /// tinted olive (101) and mauve (95) in 256 colours, contradicting their nearly equal numbers.
  @Test func nearlyEqualPixelsGetTintsOfTheSameHueIn256Colours() {
    let pair = Image(width: 2, height: 1, channels: 3, pixels: [144, 117, 62, 138, 115, 61])
    let capabilities = TerminalCapabilities(isTerminal: true, colors: .palette256, width: 80)
    let lines = PixelGrid(pair).lines(for: capabilities)
    for (channel, line) in lines.suffix(3).enumerated() {
      let runs = DrawnCell.tintedWords(of: line)
      #expect(runs.count == 2, "\(line)")
      for (column, run) in runs.enumerated() {
        let source = RGBColor(
          red: pair.pixels[3 * column], green: pair.pixels[3 * column + 1], blue: pair.pixels[3 * column + 2])
        #expect(run.text == String(pair.pixels[3 * column + channel]))
        #expect(OKLab(run.background).distance(to: OKLab(source)) < 0.06, "\(source.hex) tinted \(run.background.hex)")
      }
      #expect(runs[0].background == runs[1].background, "one hue for both")
    }
  }

  /// Pixels of a gray ramp: a brighter pixel is never tinted darker (OKLab L) than a dimmer one.
  @Test(arguments: [TerminalCapabilities.ColorSupport.palette256, .palette16, .trueColor])
  func brighterPixelsAreNeverTintedDarker(colors: TerminalCapabilities.ColorSupport) {
    let lines = PixelGrid(Self.gradient).lines(for: TerminalCapabilities(isTerminal: true, colors: colors, width: 80))
    let cells = lines.flatMap(DrawnCell.tintedWords).map { (value: Int($0.text)!, lightness: OKLab($0.background).l) }
    #expect(cells.count == 16)
    let ordered = cells.sorted { $0.value < $1.value }
    for (dimmer, brighter) in zip(ordered, ordered.dropFirst()) {
      #expect(brighter.lightness >= dimmer.lightness, "\(brighter.value) drawn darker than \(dimmer.value)")
    }
  }

  @Test func plainModeWritesNoEscapesAndNoCarriageReturns() {
    let text = PixelGrid(Self.primaries).lines(for: .plain(width: 80)).joined(separator: "\n")
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\r"))
  }

  // MARK: - SVG

  @Test func svgIsWellFormedWithOneTintedSquarePerPixel() {
    let text = PixelGrid(Self.primaries).svg(title: "Four <pixels>").rendered()
    #expect(XMLParser(data: Data(text.utf8)).parse())
    #expect(!text.contains("<image"))
    for colour in ["#ff0000", "#00ff00", "#0000ff"] {
      #expect(text.contains("<rect") && text.contains("fill=\"\(colour)\""))
    }
    #expect(text.contains(">R 255</text>"))
    let gray = PixelGrid(Self.digitSized, aroundRow: 14, column: 14).svg(title: "Digit").rendered()
    #expect(XMLParser(data: Data(gray.utf8)).parse())
    // One background, then 64 pixel squares.
    #expect(gray.components(separatedBy: "<rect").count - 1 == 1 + 64)
  }

  /// Six by six colour pixels take 3 lines each and a blank line between pixel rows: 28 lines at
  /// 80 columns with the caption. In a 24-row terminal the blank lines go (and the one under the
  /// caption), so the table fits.
  @Test func aColourTableDropsItsRowGapsToFitTheTerminalsHeight() {
    let photo = Image(width: 6, height: 6, channels: 3, pixels: (0..<108).map { UInt8($0 * 2) })
    let grid = PixelGrid(photo, rows: 0..<6, columns: 0..<6)
    let unlimited = grid.lines(for: .plain(width: 80))
    var capabilities = TerminalCapabilities.plain(width: 80)
    capabilities.height = 24
    let fitted = grid.lines(for: capabilities)
    #expect(unlimited.count - fitted.count == 6)
    #expect(fitted.count <= 24 - ImageGrid.rowsLeftFree)
    #expect(fitted.filter { !$0.isEmpty } == unlimited.filter { !$0.isEmpty })
  }
}
