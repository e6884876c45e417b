@testable import TerminalUI

/// The 256-colour mapping TerminalUI used before perceptual matching, kept to measure the new
/// one against: the nearest cube level on each axis, or the gray-ramp step of the mean, whichever
/// is nearer by plain RGB distance.
enum PlainRGBPalette {
  /// The palette index the old mapping chose for `colour`.
  static func index(of colour: RGBColor) -> Int {
    let (r, g, b) = (Int(colour.red), Int(colour.green), Int(colour.blue))
    let levels = TerminalPalette.cubeLevels.map(Int.init)
    func nearestLevel(_ value: Int) -> Int {
      levels.indices.min { abs(levels[$0] - value) < abs(levels[$1] - value) } ?? 0
    }
    let (ri, gi, bi) = (nearestLevel(r), nearestLevel(g), nearestLevel(b))
    let grayIndex = min(23, max(0, ((r + g + b) / 3 - 8 + 5) / 10))
    let gray = 8 + 10 * grayIndex
    func distance(_ c: (Int, Int, Int)) -> Int {
      (c.0 - r) * (c.0 - r) + (c.1 - g) * (c.1 - g) + (c.2 - b) * (c.2 - b)
    }
    return distance((gray, gray, gray)) < distance((levels[ri], levels[gi], levels[bi]))
      ? 232 + grayIndex : 16 + 36 * ri + 6 * gi + bi
  }
}
