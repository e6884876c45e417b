import Testing

@testable import ImageCodecs

/// Reading tRNS chunks, and ignoring those that break the rules, as libpng does.
@Suite struct PNGTransparencyTests {
  @Test func readsTheTransparentColourOfEachKind() {
    #expect(PNGTransparency(parsing: [0x01, 0x02][...], colorType: .gray, paletteCount: nil) == .gray(0x0102))
    #expect(
      PNGTransparency(parsing: [0, 1, 0, 2, 0xFF, 3][...], colorType: .rgb, paletteCount: nil) == .rgb(1, 2, 0xFF03))
    #expect(
      PNGTransparency(parsing: [0, 128][...], colorType: .palette, paletteCount: 4) == .palette(alphas: [0, 128]))
  }

  @Test func chunksThatBreakTheRulesAreIgnored() {
    #expect(PNGTransparency(parsing: [0x01][...], colorType: .gray, paletteCount: nil) == nil)
    #expect(PNGTransparency(parsing: [0, 1, 0, 2][...], colorType: .rgb, paletteCount: nil) == nil)
    #expect(PNGTransparency(parsing: [0, 1, 2][...], colorType: .palette, paletteCount: 2) == nil)
    #expect(PNGTransparency(parsing: [][...], colorType: .palette, paletteCount: 2) == nil)
    #expect(PNGTransparency(parsing: [0, 1][...], colorType: .palette, paletteCount: nil) == nil)
    #expect(PNGTransparency(parsing: [0, 1][...], colorType: .grayAlpha, paletteCount: nil) == nil)
    #expect(PNGTransparency(parsing: [0, 1, 0, 2, 0, 3][...], colorType: .rgba, paletteCount: nil) == nil)
  }
}
