/// The escape sequences TerminalUI writes, in one place; none is written without colour support.
enum ANSI {
  static let reset = "\u{1B}[0m"

  /// Sets the text (foreground) colour, as 24-bit or as the nearest of the 256-colour palette.
  static func foreground(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ colors: TerminalCapabilities.ColorSupport) -> String {
    colors == .trueColor ? "\u{1B}[38;2;\(r);\(g);\(b)m" : "\u{1B}[38;5;\(palette256(r, g, b))m"
  }

  /// Sets the background colour, as 24-bit or as the nearest of the 256-colour palette.
  static func background(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ colors: TerminalCapabilities.ColorSupport) -> String {
    colors == .trueColor ? "\u{1B}[48;2;\(r);\(g);\(b)m" : "\u{1B}[48;5;\(palette256(r, g, b))m"
  }

  /// The index of the nearest colour in the 256-colour palette: the 6×6×6 cube (16–231) or the
  /// 24-step gray ramp (232–255), whichever is closer.
  static func palette256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
    let levels = [0, 95, 135, 175, 215, 255]
    func nearestLevel(_ value: UInt8) -> Int {
      levels.indices.min { abs(levels[$0] - Int(value)) < abs(levels[$1] - Int(value)) } ?? 0
    }
    let (ri, gi, bi) = (nearestLevel(r), nearestLevel(g), nearestLevel(b))
    let cube = (levels[ri], levels[gi], levels[bi])
    let average = (Int(r) + Int(g) + Int(b)) / 3
    let grayIndex = Swift.min(23, Swift.max(0, (average - 8 + 5) / 10))
    let gray = 8 + 10 * grayIndex
    func distance(_ c: (Int, Int, Int)) -> Int {
      let (dr, dg, db) = (c.0 - Int(r), c.1 - Int(g), c.2 - Int(b))
      return dr * dr + dg * dg + db * db
    }
    return distance((gray, gray, gray)) < distance(cube) ? 232 + grayIndex : 16 + 36 * ri + 6 * gi + bi
  }
}
