import Testing

@testable import TerminalUI

@Suite struct OKLabTests {
  /// Expects `colour` at the OKLab coordinates CSS Color 4 gives for it (to 4 decimals).
  func expect(
    _ colour: RGBColor, at expected: (Double, Double, Double), sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let lab = OKLab(colour)
    #expect(
      abs(lab.l - expected.0) < 1e-4 && abs(lab.a - expected.1) < 1e-4 && abs(lab.b - expected.2) < 1e-4,
      "\(lab) for \(colour.hex)", sourceLocation: sourceLocation)
  }

  @Test func primariesSitWhereCSSColour4PutsThem() {
    expect(.white, at: (1, 0, 0))
    expect(.black, at: (0, 0, 0))
    expect(RGBColor(red: 255, green: 0, blue: 0), at: (0.62796, 0.22486, 0.12585))
    expect(RGBColor(red: 0, green: 255, blue: 0), at: (0.86644, -0.23389, 0.17950))
    expect(RGBColor(red: 0, green: 0, blue: 255), at: (0.45201, -0.03246, -0.31153))
  }

  @Test func graysHaveNoChromaAndGetLighterInOrder() {
    let grays = (0...255).map { OKLab(RGBColor(gray: UInt8($0))) }
    #expect(grays.allSatisfy { $0.chroma < 1e-6 })
    #expect(zip(grays, grays.dropFirst()).allSatisfy { $0.l < $1.l })
  }

  @Test func linearLightRoundTripsEveryLevel() {
    for level in 0...255 {
      let gray = RGBColor(gray: UInt8(level))
      #expect(LinearRGB(gray).rgbColor == gray)
    }
  }
}
