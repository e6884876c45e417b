import Testing

@testable import TerminalUI

@Suite struct ErrorDiffusionTests {
  /// The mean, in linear light, of the palette colours drawn for a patch.
  func meanOfDrawn(_ indices: [Int], palette: TerminalPalette) -> LinearRGB {
    let sum = indices.map { LinearRGB(palette.colours[$0]) }.reduce(LinearRGB.black, +)
    return (1 / Double(indices.count)) * sum
  }

  @Test func aFlatColourBetweenEntriesIsMixedToItsAverage() {
    // Orange-brown (180, 110, 40) is no entry of either palette; a 32×32 patch of it must
    // average out to it, within 0.02 ΔE, where a single nearest entry is further off.
    let source = RGBColor(red: 180, green: 110, blue: 40)
    for palette in [TerminalPalette.xterm256, .standard16] {
      let indices = ErrorDiffusion.paletteIndices(
        of: Array(repeating: source, count: 32 * 32), width: 32, height: 32, palette: palette)
      let mean = OKLab(meanOfDrawn(indices, palette: palette))
      let single = OKLab(palette.colours[palette.nearestIndex(to: source)])
      #expect(mean.distance(to: OKLab(source)) < 0.02)
      #expect(mean.distance(to: OKLab(source)) < single.distance(to: OKLab(source)))
      #expect(Set(indices).count > 1, "a mix of entries")
    }
  }

  @Test func aGrayPictureIsDrawnInGraysOnly() {
    let ramp = (0..<(64 * 8)).map { RGBColor(gray: UInt8($0 % 64 * 4)) }
    let grays = Set([16, 59, 102, 145, 188, 231] + Array(232...255))
    let indices = ErrorDiffusion.paletteIndices(of: ramp, width: 64, height: 8, palette: .xterm256)
    #expect(Set(indices).isSubset(of: grays))
  }

  @Test func theSameInputGivesTheSameOutput() {
    let noise = (0..<(20 * 10)).map { (index: Int) -> RGBColor in
      RGBColor(red: UInt8(index * 37 % 256), green: UInt8(index * 91 % 256), blue: 90)
    }
    let first = ErrorDiffusion.paletteIndices(of: noise, width: 20, height: 10, palette: .standard16)
    #expect(ErrorDiffusion.paletteIndices(of: noise, width: 20, height: 10, palette: .standard16) == first)
  }

  @Test func exactPaletteColoursAreLeftAlone() {
    let pixels = [16, 196, 46, 21, 231, 244].map { TerminalPalette.xterm256Colours[$0] }
    #expect(
      ErrorDiffusion.paletteIndices(of: pixels, width: 3, height: 2, palette: .xterm256) == [16, 196, 46, 21, 231, 244])
  }
}
