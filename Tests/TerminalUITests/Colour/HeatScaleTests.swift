import Testing

@testable import TerminalUI

@Suite struct HeatScaleTests {
  static let scales = [("mistakes", Palette.mistakes), ("correct", Palette.correct)]

  @Test func zeroIsUntintedAndTheLargestGetsTheLastStep() {
    let scale = Palette.mistakes
    #expect(scale.colour(of: 0, maximum: 14) == nil)
    #expect(scale.colour(of: 1, maximum: 41) == scale.steps[0])
    #expect(scale.colour(of: 14, maximum: 14) == scale.steps[2])
    #expect(scale.colour(of: 5, maximum: 14) == scale.steps[1])  // 5/14 is in the second third
    #expect(scale.colour(of: 20, maximum: 14) == scale.steps[2])
  }

  /// Each step must be its own palette entry, each darker (OKLab L) than the step before, in
  /// 256 and in 16 colours; otherwise a difference seen in 24-bit vanishes in that mode.
  @Test(arguments: [TerminalCapabilities.ColorSupport.palette256, .palette16])
  func everyStepIsADistinctEntryDarkerThanTheLast(colors: TerminalCapabilities.ColorSupport) {
    let palette = TerminalPalette.of(colors)
    for (name, scale) in Self.scales {
      let indices = scale.steps.map { palette.nearestIndex(to: $0) }
      #expect(Set(indices).count == indices.count, "\(name): \(indices)")
      let lightness = indices.map { OKLab(palette.colours[$0]).l }
      #expect(zip(lightness, lightness.dropFirst()).allSatisfy { $0 > $1 }, "\(name): \(lightness)")
    }
  }

  @Test func theFirstStepShowsOnDarkAndLightBackgrounds() {
    for (name, scale) in Self.scales {
      let first = OKLab(scale.steps[0])
      #expect(first.distance(to: OKLab(RGBColor.white)) > 0.15, "\(name)")
      #expect(first.distance(to: OKLab(RGBColor.black)) > 0.5, "\(name)")
    }
  }
}
