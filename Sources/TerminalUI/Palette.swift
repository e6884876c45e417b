/// A colour as 8-bit red, green and blue, for terminal cells and SVG drawings alike.
public struct RGBColor: Equatable, Hashable, Sendable {
  /// The components.
  public let red: UInt8, green: UInt8, blue: UInt8

  /// Creates a colour from its components.
  public init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// A gray of the given brightness.
  public init(gray: UInt8) {
    self.init(red: gray, green: gray, blue: gray)
  }

  /// Perceived brightness 0...255 (Rec. 601 weights), to pick readable text over a colour.
  public var luminance: Int {
    (299 * Int(red) + 587 * Int(green) + 114 * Int(blue)) / 1000
  }

  /// `#rrggbb`, as SVG and CSS write colours.
  public var hex: String {
    "#"
      + [red, green, blue].map { value in
        let digits = String(value, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
      }.joined()
  }

  /// Black.
  public static let black = RGBColor(gray: 0)
  /// White.
  public static let white = RGBColor(gray: 255)
  /// A mid gray, for axes and grid lines.
  public static let gray = RGBColor(gray: 128)
}

/// The few colours every view uses, chosen to read on dark and light terminals and for common
/// colour-vision deficiencies (blue against orange), and never as the only signal: every coloured
/// thing also has a word or a symbol.
public enum Palette {
  /// Training curves and bars.
  public static let training = RGBColor(red: 31, green: 119, blue: 180)
  /// Validation curves.
  public static let validation = RGBColor(red: 255, green: 127, blue: 14)
  /// What is right or chosen: the argmax bar, the diagonal of a confusion matrix.
  public static let good = RGBColor(red: 44, green: 160, blue: 44)
  /// What is wrong: a misclassification.
  public static let bad = RGBColor(red: 214, green: 39, blue: 40)
  /// Axes, ticks and secondary text.
  public static let axis = RGBColor(gray: 140)

  /// Counts of mistakes, few to most: gold, orange, red (256-colour entries 220, 208, 160; in 16
  /// colours yellow, bright red, red).
  public static let mistakes = HeatScale(steps: [
    RGBColor(red: 255, green: 215, blue: 0), RGBColor(red: 255, green: 135, blue: 0),
    RGBColor(red: 215, green: 0, blue: 0),
  ])
  /// Counts of right answers, few to most: sky, azure, deep blue (256-colour entries 117, 32, 19;
  /// in 16 colours cyan, bright blue, blue).
  public static let correct = HeatScale(steps: [
    RGBColor(red: 135, green: 215, blue: 255), RGBColor(red: 0, green: 135, blue: 215),
    RGBColor(red: 0, green: 0, blue: 175),
  ])

  /// The colour of `fraction` (0...1) on a white-to-blue heat scale, for heat maps in SVG.
  public static func heat(_ fraction: Double) -> RGBColor {
    let t = Swift.min(1, Swift.max(0, fraction))
    func mix(_ from: Double, _ to: Double) -> UInt8 { UInt8((from + (to - from) * t).rounded()) }
    return RGBColor(red: mix(247, 8), green: mix(251, 48), blue: mix(255, 107))
  }
}

extension ANSI {
  /// `text` in `colour` (and bold if asked) when the capabilities allow colour; otherwise `text`
  /// unchanged.
  static func styled(_ text: String, _ colour: RGBColor?, bold: Bool = false, _ capabilities: TerminalCapabilities)
    -> String
  {
    guard capabilities.colors != .none, colour != nil || bold else { return text }
    var prefix = bold ? "\u{1B}[1m" : ""
    if let colour { prefix += foreground(colour.red, colour.green, colour.blue, capabilities.colors) }
    return prefix + text + reset
  }
}
