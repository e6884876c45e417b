import Foundation
import ImageCodecs
import Testing

@testable import TerminalUI

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct ChannelSplitTests {
  /// A 2×2 colour image: red and green on top, blue and white below.
  static let primaries = Image(
    width: 2, height: 2, channels: 3, pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])

  /// A 451×300 colour image, the size of the lesson's cat photo.
  static let photoSized = Image(
    width: 451, height: 300, channels: 3, pixels: (0..<451 * 300 * 3).map { UInt8($0 % 251) })

  // MARK: - Plain text

  /// Each picture is 16 columns (the narrowest cell) by 8 lines, so each source pixel is 8 × 4
  /// characters. The image uses the ramp for its brightness (red 76 `:`, green 149 `+`, blue 29
  /// `.`, white `@`); each channel uses it for its values (255 `@`, 0 blank).
  @Test func plainSplitShowsTheImageAndEachChannelSideBySide() {
    let expected = """
      A 2×2 colour image and its red (R), green (G) and blue (B) channels; the
      brighter a channel's picture, the more of that colour.

            RGB                R                 G                 B
      ::::::::++++++++  @@@@@@@@                  @@@@@@@@
      ::::::::++++++++  @@@@@@@@                  @@@@@@@@
      ::::::::++++++++  @@@@@@@@                  @@@@@@@@
      ::::::::++++++++  @@@@@@@@                  @@@@@@@@
      ........@@@@@@@@          @@@@@@@@          @@@@@@@@  @@@@@@@@@@@@@@@@
      ........@@@@@@@@          @@@@@@@@          @@@@@@@@  @@@@@@@@@@@@@@@@
      ........@@@@@@@@          @@@@@@@@          @@@@@@@@  @@@@@@@@@@@@@@@@
      ........@@@@@@@@          @@@@@@@@          @@@@@@@@  @@@@@@@@@@@@@@@@
      """
    #expect(ChannelSplit(Self.primaries).lines(for: .plain(width: 80)) == expected.components(separatedBy: "\n"))
  }

  /// Four pictures of at least 16 columns with 2-column gaps need 70 columns; two need 34.
  @Test(arguments: [(120, 4, 28), (80, 4, 18), (70, 4, 16), (69, 2, 33), (40, 2, 19), (34, 2, 16), (33, 1, 33)])
  func narrowTerminalsGoTwoByTwoThenStack(width: Int, columns: Int, cellWidth: Int) throws {
    let grid = ChannelSplit(Self.photoSized).grid(for: .plain(width: width))
    let layout = try #require(grid.layout(forWidth: width))
    #expect(layout.columns == columns)
    #expect(layout.cellWidth == cellWidth)
  }

  @Test(arguments: [40, 80, 120])
  func noLineIsWiderThanTheTerminal(width: Int) {
    for capabilities in VisibleText.everyMode(width: width) {
      let lines = ChannelSplit(Self.photoSized, imageTitle: "a cat called Chelsea").lines(for: capabilities)
      #expect(lines.allSatisfy { VisibleText.width($0) <= width }, "width \(width), \(capabilities.colors)")
    }
  }

  // MARK: - Channels

  @Test func channelsAreTintedInTheirColourOrDrawnAsGray() {
    let split = ChannelSplit(Self.primaries)
    let tinted = split.tiles(tinted: true)
    #expect(tinted.map(\.title) == ["RGB", "R", "G", "B"])
    #expect(tinted[0].image == Self.primaries)
    #expect(tinted[1].image.pixels == [255, 0, 0, 0, 0, 0, 0, 0, 0, 255, 0, 0])
    #expect(tinted[2].image.pixels == [0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 255, 0])
    #expect(tinted[3].image.pixels == [0, 0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 255])
    let gray = split.tiles(tinted: false)
    #expect(gray.dropFirst().map(\.image.channels) == [1, 1, 1])
    #expect(gray.dropFirst().map(\.image.pixels) == [[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255]])
  }

  @Test func aGrayImageHasThreeEqualChannels() {
    let gray = Image(width: 2, height: 1, channels: 1, pixels: [10, 200])
    let split = ChannelSplit(gray)
    #expect(split.tiles(tinted: false).dropFirst().allSatisfy { $0.image.pixels == [10, 200] })
    #expect(
      split.caption.hasPrefix("A 2×1 gray image and its red (R), green (G) and blue (B) channels, all three equal;"))
  }

  @Test func colourModeTintsEachChannelAndPlainModeWritesNoEscapes() {
    let capabilities = TerminalCapabilities(isTerminal: true, colors: .trueColor, width: 80)
    let colour = ChannelSplit(Self.primaries).lines(for: capabilities).joined(separator: "\n")
    // The blue channel of the white pixel, tinted blue.
    #expect(colour.contains("\u{1B}[38;2;0;0;255m\u{1B}[48;2;0;0;255m▀"))
    let plain = ChannelSplit(Self.primaries).lines(for: .plain(width: 80)).joined(separator: "\n")
    #expect(!plain.contains("\u{1B}"))
    #expect(!plain.contains("\r"))
  }

  // MARK: - SVG

  @Test func svgIsWellFormedWithFourEmbeddedImages() {
    let text = ChannelSplit(Self.primaries, imageTitle: "R & G").svg(title: "Channels").rendered()
    #expect(XMLParser(data: Data(text.utf8)).parse())
    #expect(text.components(separatedBy: "<image").count - 1 == 4)
    for title in [">R &amp; G</text>", ">R</text>", ">G</text>", ">B</text>"] {
      #expect(text.contains(title))
    }
  }
}
