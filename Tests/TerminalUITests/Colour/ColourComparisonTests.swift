import ImageCodecs
import Testing

@testable import TerminalUI

@Suite struct ColourComparisonTests {
  /// A 16×8 hue sweep.
  static let sweep = Image(
    width: 16, height: 8, channels: 3,
    pixels: (0..<(16 * 8)).flatMap { index -> [UInt8] in
      let x = index % 16
      return [UInt8(x * 16), UInt8(255 - x * 16), UInt8(index / 16 * 32)]
    })

  @Test func drawsTheSamePictureNowAndIn24BitSideBySide() {
    let lines = ColourComparison(Self.sweep).lines(
      for: TerminalCapabilities(isTerminal: true, colors: .palette256, width: 80))
    #expect(lines.first.map(VisibleText.stripped)?.hasPrefix("now: 256 colours") == true)
    #expect(lines.first?.contains("in 24-bit colour") == true)
    #expect(lines.dropFirst().allSatisfy { $0.contains("\u{1B}[38;5;") && $0.contains("\u{1B}[38;2;") })
    #expect(lines.allSatisfy { VisibleText.width($0) <= 80 })
  }

  @Test(arguments: [40, 23, 12])
  func narrowTerminalsStackThePicturesWithinTheWidth(width: Int) {
    let lines = ColourComparison(Self.sweep).lines(
      for: TerminalCapabilities(isTerminal: true, colors: .palette16, width: width))
    #expect(lines.allSatisfy { VisibleText.width($0) <= width }, "width \(width)")
    #expect(lines.contains { $0.contains("\u{1B}[38;2;") })
  }

  @Test func withoutColourThereIsNothingToCompare() {
    #expect(ColourComparison(Self.sweep).lines(for: .plain()).isEmpty)
  }
}
