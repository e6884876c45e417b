/// The escape sequences TerminalUI writes, in one place; none is written without colour support.
enum ANSI {
  static let reset = "\u{1B}[0m"

  /// Sets the text (foreground) colour: as 24-bit, or as the palette entry that looks nearest.
  static func foreground(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ colors: TerminalCapabilities.ColorSupport) -> String {
    guard colors != .trueColor else { return "\u{1B}[38;2;\(r);\(g);\(b)m" }
    return foreground(paletteIndex: nearestIndex(r, g, b, colors), colors)
  }

  /// Sets the background colour: as 24-bit, or as the palette entry that looks nearest.
  static func background(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ colors: TerminalCapabilities.ColorSupport) -> String {
    guard colors != .trueColor else { return "\u{1B}[48;2;\(r);\(g);\(b)m" }
    return background(paletteIndex: nearestIndex(r, g, b, colors), colors)
  }

  /// Sets the text colour to an entry of the 16- or 256-colour palette (`ESC[30–37m` and
  /// `ESC[90–97m` for the 16, `ESC[38;5;Nm` for the 256); nothing without colour.
  static func foreground(paletteIndex index: Int, _ colors: TerminalCapabilities.ColorSupport) -> String {
    switch colors {
    case .none: ""
    case .palette16: "\u{1B}[\(index < 8 ? 30 + index : 90 + index - 8)m"
    case .palette256, .trueColor: "\u{1B}[38;5;\(index)m"
    }
  }

  /// Sets the background to an entry of the 16- or 256-colour palette (`ESC[40–47m` and
  /// `ESC[100–107m` for the 16, `ESC[48;5;Nm` for the 256); nothing without colour.
  static func background(paletteIndex index: Int, _ colors: TerminalCapabilities.ColorSupport) -> String {
    switch colors {
    case .none: ""
    case .palette16: "\u{1B}[\(index < 8 ? 40 + index : 100 + index - 8)m"
    case .palette256, .trueColor: "\u{1B}[48;5;\(index)m"
    }
  }

  private static func nearestIndex(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ colors: TerminalCapabilities.ColorSupport)
    -> Int
  {
    TerminalPalette.of(colors).nearestIndex(to: RGBColor(red: r, green: g, blue: b))
  }
}
