import Testing

@testable import TerminalUI

@Suite struct PaletteTests {
  /// The colours that carry meaning side by side: curves (training, validation), verdicts
  /// (good, bad) and axes. Each must keep its own entry in every palette mode.
  @Test(arguments: [TerminalCapabilities.ColorSupport.palette256, .palette16])
  func namedColoursStayDistinct(colors: TerminalCapabilities.ColorSupport) {
    let named = [Palette.training, Palette.validation, Palette.good, Palette.bad, Palette.axis]
    let indices = named.map { TerminalPalette.of(colors).nearestIndex(to: $0) }
    #expect(Set(indices).count == named.count, "\(indices)")
  }
}
