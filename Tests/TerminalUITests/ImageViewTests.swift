import Foundation
import ImageCodecs
import Testing

@testable import TerminalUI

@Suite struct ImageViewTests {
  /// A 4×4 gray image: black top half, white bottom half.
  let halves = ImageView(
    width: 4, height: 4, channels: 1, pixels: Array(repeating: 0, count: 8) + Array(repeating: 255, count: 8),
    maximumWidth: 4)

  @Test func plainOutputUsesTheCharacterRampAndNoEscapes() {
    let lines = halves.lines(for: .plain())
    #expect(lines == ["    ", "@@@@"])
  }

  @Test func colourOutputDrawsTwoPixelsPerCell() {
    let capabilities = TerminalCapabilities(isTerminal: true, colors: .trueColor, width: 80)
    let lines = halves.lines(for: capabilities)
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("\u{1B}[38;2;0;0;0m\u{1B}[48;2;0;0;0m▀"))
    #expect(lines[1].hasPrefix("\u{1B}[38;2;255;255;255m\u{1B}[48;2;255;255;255m▀"))
    #expect(lines.allSatisfy { $0.hasSuffix("\u{1B}[0m") })
  }

  /// A 3:2 photo 80 columns wide takes 27 lines; in a 24-row terminal it shrinks until it leaves
  /// room for a prompt (22 lines: 66 columns).
  @Test func tallPicturesShrinkToTheTerminalsHeight() {
    let photo = ImageView(
      width: 300, height: 200, channels: 3, pixels: Array(repeating: 90, count: 180_000), maximumWidth: 80)
    #expect(photo.lines(for: .plain(width: 80)).count == 27)
    var capabilities = TerminalCapabilities.plain(width: 80)
    capabilities.height = 24
    let lines = photo.lines(for: capabilities)
    #expect(lines.count == 22)
    #expect(lines.first?.count == 66)
  }

  /// Drawn at half its width, a stripe of black and white columns is the gray between them, not
  /// whichever column the nearest pixel happens to hit.
  @Test func aPictureDrawnSmallAveragesThePixelsEachCellCovers() {
    let stripes = ImageView(
      width: 4, height: 2, channels: 1, pixels: [0, 255, 0, 255, 0, 255, 0, 255], maximumWidth: 4)
    #expect(stripes.subPixels(columns: 2, rows: 1) == Array(repeating: RGBColor(gray: 128), count: 4))
    #expect(stripes.subPixels(columns: 4, rows: 1).map(\.red) == [0, 255, 0, 255, 0, 255, 0, 255])
  }

  @Test func wideImagesShrinkToTheWidth() {
    let wide = ImageView(
      width: 200, height: 100, channels: 3, pixels: Array(repeating: 128, count: 60_000), maximumWidth: 1000)
    let lines = wide.lines(for: .plain(width: 50))
    #expect(lines.first?.count == 50)
    #expect(lines.count == 13)
  }

  @Test func sixteenColourOutputUsesTheStandardCodes() {
    let lines = halves.lines(for: TerminalCapabilities(isTerminal: true, colors: .palette16, width: 80))
    #expect(lines[0].hasPrefix("\u{1B}[30m\u{1B}[40m▀"))
    #expect(lines[1].hasPrefix("\u{1B}[97m\u{1B}[107m▀"))
  }

  @Test func trueColourDrawsEverySourcePixelExactly() throws {
    let photo = try Self.photo()
    let view = ImageView(photo, maximumWidth: 80)
    let lines = view.lines(for: TerminalCapabilities(isTerminal: true, colors: .trueColor, width: 80))
    #expect(Self.drawnPixels(lines) == view.subPixels(columns: 80, rows: lines.count))
  }

  // MARK: - A photo in 256 and 16 colours

  static func photo() throws -> Image {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return try Image(contentsOf: root.appendingPathComponent("Datasets/photos/chelsea.png").path)
  }

  /// The half-block pixels the lines show, row by row: each cell's text colour above its background.
  static func drawnPixels(_ lines: [String]) -> [RGBColor] {
    lines.flatMap { line in
      let cells = DrawnCell.cells(of: line)
      return cells.map { $0.foreground ?? .black } + cells.map { $0.background ?? .black }
    }
  }

  /// The mean ΔE (OKLab) between `box`×`box` averages (in linear light) of two pictures of
  /// `width` columns: what an eye a little way off sees, since dithering trades each pixel's
  /// error for the fidelity of small patches.
  static func meanBoxError(_ drawn: [RGBColor], _ source: [RGBColor], width: Int, box: Int) -> Double {
    let height = source.count / width
    func average(_ pixels: [RGBColor], _ x: Int, _ y: Int) -> OKLab {
      var sum = LinearRGB.black
      for dy in 0..<box { for dx in 0..<box { sum = sum + LinearRGB(pixels[(y + dy) * width + x + dx]) } }
      return OKLab((1 / Double(box * box)) * sum)
    }
    var total = 0.0
    var count = 0
    for y in stride(from: 0, through: height - box, by: box) {
      for x in stride(from: 0, through: width - box, by: box) {
        total += average(drawn, x, y).distance(to: average(source, x, y))
        count += 1
      }
    }
    return total / Double(count)
  }

  /// The cat photo drawn 80 columns wide in `colors`: the half-block pixels as drawn, and the
  /// source's pixels under them.
  static func catAt80Columns(in colors: TerminalCapabilities.ColorSupport) throws -> (
    drawn: [RGBColor], source: [RGBColor]
  ) {
    let view = ImageView(try photo(), maximumWidth: 80)
    let lines = view.lines(for: TerminalCapabilities(isTerminal: true, colors: colors, width: 80))
    return (drawnPixels(lines), view.subPixels(columns: 80, rows: lines.count))
  }

  /// The cat photo at 80 columns (80 × 54 half-block pixels) in 256 colours, OKLab ΔE of 2×2
  /// box means, measured with area-averaged pixels: dithered 0.0161, the old plain-RGB nearest 0.0315.
  @Test func aPhotoIn256ColoursKeepsItsLook() throws {
    let (drawn, source) = try Self.catAt80Columns(in: .palette256)
    let dithered = Self.meanBoxError(drawn, source, width: 80, box: 2)
    let oldMapping = source.map { TerminalPalette.xterm256Colours[PlainRGBPalette.index(of: $0)] }
    let old = Self.meanBoxError(oldMapping, source, width: 80, box: 2)
    print("256 colours, mean ΔE of 2×2 means: dithered \(dithered), old plain-RGB mapping \(old)")
    #expect(dithered < 0.02)
    #expect(dithered < old)
  }

  /// The same in 16 colours, measured over 4×4 boxes: 16 colours can match a patch's average
  /// only over a larger patch. Measured with area-averaged pixels: dithered 0.0274, nearest entry without
  /// dithering 0.1297.
  @Test func aPhotoIn16ColoursKeepsItsLook() throws {
    let (drawn, source) = try Self.catAt80Columns(in: .palette16)
    let dithered = Self.meanBoxError(drawn, source, width: 80, box: 4)
    let nearest = source.map { TerminalPalette.standard16Colours[TerminalPalette.standard16.nearestIndex(to: $0)] }
    let undithered = Self.meanBoxError(nearest, source, width: 80, box: 4)
    print("16 colours, mean ΔE of 4×4 means: dithered \(dithered), nearest without dithering \(undithered)")
    #expect(dithered < 0.035)
    #expect(dithered < undithered)
  }
}
