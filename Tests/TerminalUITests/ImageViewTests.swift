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

  @Test func wideImagesShrinkToTheWidth() {
    let wide = ImageView(
      width: 200, height: 100, channels: 3, pixels: Array(repeating: 128, count: 60_000), maximumWidth: 1000)
    let lines = wide.lines(for: .plain(width: 50))
    #expect(lines.first?.count == 50)
    #expect(lines.count == 13)
  }

  @Test func paletteColoursAreTheNearest() {
    #expect(ANSI.palette256(0, 0, 0) == 16)
    #expect(ANSI.palette256(255, 255, 255) == 231)
    #expect(ANSI.palette256(255, 0, 0) == 196)
    #expect(ANSI.palette256(128, 128, 128) == 244)
  }
}
