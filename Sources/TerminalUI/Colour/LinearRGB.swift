import Foundation

/// A colour in linear-light RGB, each component 0...1: the space where light adds up, so where
/// colours are averaged and where a ditherer spreads its error.
struct LinearRGB: Equatable, Sendable {
  var red: Double, green: Double, blue: Double

  /// Creates a colour from linear components (not clamped).
  init(red: Double, green: Double, blue: Double) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// The linear light of an 8-bit sRGB colour.
  init(_ colour: RGBColor) {
    self.init(
      red: Self.decoded[Int(colour.red)], green: Self.decoded[Int(colour.green)], blue: Self.decoded[Int(colour.blue)])
  }

  /// Whether red, green and blue are equal: a gray, which must stay gray when drawn.
  var isGray: Bool { red == green && green == blue }

  /// The colour clamped to 0...1 and encoded back to 8-bit sRGB, rounded.
  var rgbColor: RGBColor {
    RGBColor(red: Self.encoded(red), green: Self.encoded(green), blue: Self.encoded(blue))
  }

  /// The colour with each component clamped to `range`.
  func clamped(to range: ClosedRange<Double>) -> LinearRGB {
    func clamp(_ value: Double) -> Double { Swift.min(range.upperBound, Swift.max(range.lowerBound, value)) }
    return LinearRGB(red: clamp(red), green: clamp(green), blue: clamp(blue))
  }

  static func + (lhs: LinearRGB, rhs: LinearRGB) -> LinearRGB {
    LinearRGB(red: lhs.red + rhs.red, green: lhs.green + rhs.green, blue: lhs.blue + rhs.blue)
  }

  static func - (lhs: LinearRGB, rhs: LinearRGB) -> LinearRGB {
    LinearRGB(red: lhs.red - rhs.red, green: lhs.green - rhs.green, blue: lhs.blue - rhs.blue)
  }

  static func * (scale: Double, colour: LinearRGB) -> LinearRGB {
    LinearRGB(red: scale * colour.red, green: scale * colour.green, blue: scale * colour.blue)
  }

  static let black = LinearRGB(red: 0, green: 0, blue: 0)

  // MARK: - sRGB transfer function (IEC 61966-2-1)

  /// The linear value of each 8-bit sRGB level.
  private static let decoded: [Double] = (0...255).map { level in
    let value = Double(level) / 255
    return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
  }

  private static func encoded(_ linear: Double) -> UInt8 {
    let value = Swift.min(1, Swift.max(0, linear))
    let gamma = value <= 0.0031308 ? 12.92 * value : 1.055 * pow(value, 1 / 2.4) - 0.055
    return UInt8((gamma * 255).rounded())
  }

}
