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

  /// Each panel is 20 columns (the narrowest cell) by 10 lines, so each source pixel is 10 × 5
  /// characters; each channel uses the ramp for its values (255 `@`, 0 blank), and a key under the
  /// panels says so.
  @Test func plainSplitShowsEachChannelSideBySideWithTheRampsKey() {
    let full = String(repeating: "@", count: 10)
    let none = String(repeating: " ", count: 10)
    let top = [full + none, none + full, none + none].joined(separator: "  ")
    let bottom = [none + full, none + full, full + full].joined(separator: "  ")
    let expected =
      [
        "The red (R), green (G) and blue (B) channels of a 2×2 colour image: the brighter",
        "a channel's picture, the more of that colour.", "",
        "      R (red)              G (green)              B (blue)",
      ] + Array(repeating: TextLayout.trimmed(top), count: 5) + Array(repeating: bottom, count: 5) + [
        "", "Key: 0 is blank, then .:-=+*#%@ up to 255.",
      ]
    #expect(ChannelSplit(Self.primaries).lines(for: .plain(width: 80)) == expected)
  }

  /// Three panels of at least 20 columns with 2-column gaps need 64 columns; below that two go
  /// side by side over the third, then each goes under the other.
  @Test(arguments: [(120, 3, 38), (80, 3, 25), (64, 3, 20), (63, 2, 30), (42, 2, 20), (41, 1, 41)])
  func narrowTerminalsStackThePanels(width: Int, columns: Int, cellWidth: Int) throws {
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
    #expect(tinted.map(\.title) == ["R (red)", "G (green)", "B (blue)"])
    #expect(tinted[0].image.pixels == [255, 0, 0, 0, 0, 0, 0, 0, 0, 255, 0, 0])
    #expect(tinted[1].image.pixels == [0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 255, 0])
    #expect(tinted[2].image.pixels == [0, 0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 255])
    let gray = split.tiles(tinted: false)
    #expect(gray.map(\.image.channels) == [1, 1, 1])
    #expect(gray.map(\.image.pixels) == [[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255]])
  }

  @Test func aGrayImageHasThreeEqualChannels() {
    let gray = Image(width: 2, height: 1, channels: 1, pixels: [10, 200])
    let split = ChannelSplit(gray)
    #expect(split.tiles(tinted: false).allSatisfy { $0.image.pixels == [10, 200] })
    #expect(
      split.caption.hasPrefix("The red (R), green (G) and blue (B) channels of a 2×1 gray image, all three equal:"))
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
    for title in [">R &amp; G</text>", ">R (red)</text>", ">G (green)</text>", ">B (blue)</text>"] {
      #expect(text.contains(title))
    }
  }
}
