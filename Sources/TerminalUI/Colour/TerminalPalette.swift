/// The fixed colours of a 16- or 256-colour terminal, and the entry that looks nearest to any
/// colour.
///
/// "Nearest" is the smallest OKLab distance, searched exhaustively over the candidates (240 at
/// most). No lookup table is needed: `lesson image show chelsea.png --width 80` takes 0.20 s in
/// 256 colours against 0.15 s in 24-bit (debug build, where TerminalUI runs unoptimised; 2-core
/// Zen 4), and filling a 32×32×32 table would cost more than that. The candidates keep hues
/// honest:
///
/// - 256 colours: the 6×6×6 cube (16–231) and the 24-step gray ramp (232–255); entries 0–15 are
///   left out because every theme redefines them. A gray (red = green = blue) is matched among the
///   grays only (the ramp and the cube's six grays), so it never picks up a tint.
/// - 16 colours: xterm's standard 16. A colour drawn alone (a chart's line, a table cell) with
///   little chroma (under 0.04, a washed-out gray) is matched among the four grays, any other
///   among the twelve coloured entries, so that a muted blue stays blue rather than turning the
///   nearest gray. A pixel being dithered may take any entry (grays still only grays), since the
///   mix of its neighbours makes up its hue.
struct TerminalPalette: Sendable {
  /// Every entry's colour, by index.
  let colours: [RGBColor]
  /// The entries a gray is drawn with.
  private let grays: [Candidate]
  /// The entries any other colour is drawn with.
  private let others: [Candidate]
  /// Colours with less chroma than this count as gray; 0 when only exact grays do.
  private let grayChroma: Double

  private struct Candidate: Sendable {
    let index: Int
    let lab: OKLab
  }

  private init(colours: [RGBColor], grays: [Int], others: [Int], grayChroma: Double) {
    self.colours = colours
    self.grays = grays.map { Candidate(index: $0, lab: OKLab(colours[$0])) }
    self.others = others.map { Candidate(index: $0, lab: OKLab(colours[$0])) }
    self.grayChroma = grayChroma
  }

  // MARK: - Matching

  /// The index of the entry that looks nearest to `colour`.
  func nearestIndex(to colour: RGBColor) -> Int {
    nearestIndex(to: LinearRGB(colour))
  }

  /// The index of the entry that looks nearest to a linear-light colour. While dithering the
  /// components may stray outside 0...1; OKLab extends to them smoothly (its cube roots take
  /// negative values), so an excess of error in one direction is seen and worked off rather than
  /// clipped away. `keepingHue` applies the 16-colour rule for colours drawn alone; a ditherer
  /// turns it off.
  func nearestIndex(to colour: LinearRGB, keepingHue: Bool = true) -> Int {
    let lab = OKLab(colour)
    let candidates: [Candidate]
    if colour.isGray || (keepingHue && lab.chroma < grayChroma) {
      candidates = grays
    } else {
      candidates = keepingHue || grayChroma == 0 ? others : grays + others
    }
    var best = -1
    var bestDistance = Double.infinity
    for candidate in candidates {
      let distance = candidate.lab.squaredDistance(to: lab)
      if distance < bestDistance {
        best = candidate.index
        bestDistance = distance
      }
    }
    return best
  }

  // MARK: - The palettes

  /// The palette of the given colour support: 16 or 256 colours.
  static func of(_ colors: TerminalCapabilities.ColorSupport) -> TerminalPalette {
    colors == .palette16 ? standard16 : xterm256
  }

  /// xterm's default 16 colours: black, red, green, yellow, blue, magenta, cyan and white, then
  /// their bright versions.
  static let standard16Colours: [RGBColor] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
    (255, 255, 255),
  ].map { RGBColor(red: $0.0, green: $0.1, blue: $0.2) }

  /// The 16-colour palette.
  static let standard16 = TerminalPalette(
    colours: standard16Colours, grays: [0, 7, 8, 15], others: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14],
    grayChroma: 0.04)

  /// The levels of each axis of the 256-colour cube.
  static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

  /// xterm's 256 colours: the 16 standard ones, the 6×6×6 cube, and 24 grays from 8 to 238.
  static let xterm256Colours: [RGBColor] =
    standard16Colours
    + (0..<216).map { RGBColor(red: cubeLevels[$0 / 36], green: cubeLevels[$0 / 6 % 6], blue: cubeLevels[$0 % 6]) }
    + (0..<24).map { RGBColor(gray: UInt8(8 + 10 * $0)) }

  /// The 256-colour palette.
  static let xterm256 = TerminalPalette(
    colours: xterm256Colours, grays: (0..<6).map { 16 + 43 * $0 } + Array(232...255), others: Array(16...255),
    grayChroma: 0)
}
