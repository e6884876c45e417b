import Testing

@testable import TerminalUI

@Suite struct TerminalPaletteTests {
  /// The nearest entry by a search over every entry of the palette that `nearestIndex` may use,
  /// written out plainly as the definition: every gray among the grays, every other colour
  /// among all candidates.
  static func referenceNearest(_ colour: RGBColor, in palette: TerminalPalette, candidates: [Int]) -> Int {
    let lab = OKLab(colour)
    return candidates.min {
      OKLab(palette.colours[$0]).distance(to: lab) < OKLab(palette.colours[$1]).distance(to: lab)
    }!
  }

  @Test func everyCubeAndRampColourIsDrawnWithItself() {
    for index in 16...255 {
      #expect(TerminalPalette.xterm256.nearestIndex(to: TerminalPalette.xterm256Colours[index]) == index)
    }
  }

  @Test func everyStandardColourIsDrawnWithItselfIn16Colours() {
    for index in 0...15 {
      #expect(TerminalPalette.standard16.nearestIndex(to: TerminalPalette.standard16Colours[index]) == index)
    }
  }

  @Test func aGrayIsNeverDrawnWithATint() {
    let grays = [16, 59, 102, 145, 188, 231] + Array(232...255)
    for level in 0...255 {
      let gray = RGBColor(gray: UInt8(level))
      let index = TerminalPalette.xterm256.nearestIndex(to: gray)
      #expect(grays.contains(index), "gray \(level) drew \(index)")
      #expect(index == Self.referenceNearest(gray, in: .xterm256, candidates: grays))
      #expect([0, 7, 8, 15].contains(TerminalPalette.standard16.nearestIndex(to: gray)))
    }
  }

  @Test func colourfulColoursMatchTheExhaustiveSearchOverTheCubeAndRamp() {
    // A coarse sweep of the RGB cube, grays left out (tested above).
    let levels: [UInt8] = [0, 30, 64, 100, 128, 150, 190, 220, 255]
    for r in levels {
      for g in levels {
        for b in levels where !(r == g && g == b) {
          let colour = RGBColor(red: r, green: g, blue: b)
          #expect(
            TerminalPalette.xterm256.nearestIndex(to: colour)
              == Self.referenceNearest(colour, in: .xterm256, candidates: Array(16...255)))
        }
      }
    }
  }

  /// The example: two neighbouring pixels of the cat photo, numbers nearly equal, were
  /// drawn olive (101) and mauve (95) by the plain-RGB mapping.
  @Test func nearlyEqualPixelsKeepTheirHue() {
    for pixel in [RGBColor(red: 144, green: 117, blue: 62), RGBColor(red: 138, green: 115, blue: 61)] {
      let drawn = TerminalPalette.xterm256Colours[TerminalPalette.xterm256.nearestIndex(to: pixel)]
      let (source, shown) = (OKLab(pixel), OKLab(drawn))
      #expect(source.distance(to: shown) < 0.06, "\(pixel.hex) drawn \(drawn.hex)")
      // Both are yellowish (b > 0 outweighs a), as the source is: no pink cast.
      #expect(shown.b > 0 && shown.b > abs(shown.a), "\(pixel.hex) drawn \(drawn.hex)")
    }
    #expect(PlainRGBPalette.index(of: RGBColor(red: 138, green: 115, blue: 61)) == 95, "the old mapping's mauve")
  }

  @Test func mutedColoursStayColouredIn16Colours() {
    // Palette.training, a muted blue, is nearer the gray 8 than any blue by plain distance.
    let index = TerminalPalette.standard16.nearestIndex(to: Palette.training)
    #expect([4, 12].contains(index))
  }
}
