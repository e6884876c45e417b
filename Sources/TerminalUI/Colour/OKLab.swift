import Foundation

/// A colour in Björn Ottosson's OKLab space (2020): lightness `l` from 0 (black) to 1 (white)
/// and two opponent axes, `a` (green to red) and `b` (blue to yellow), scaled so that the
/// straight-line distance between two colours follows how different they look. A distance of
/// about 0.02 is just noticeable; 0.1 is clearly another colour.
struct OKLab: Equatable, Sendable {
  /// Lightness, 0...1.
  var l: Double
  /// Green (negative) to red (positive).
  var a: Double
  /// Blue (negative) to yellow (positive).
  var b: Double

  /// Creates a colour from its coordinates.
  init(l: Double, a: Double, b: Double) {
    self.l = l
    self.a = a
    self.b = b
  }

  /// The OKLab coordinates of a linear-light colour (the matrices of Ottosson's reference code).
  init(_ colour: LinearRGB) {
    let long = cbrt(0.4122214708 * colour.red + 0.5363325363 * colour.green + 0.0514459929 * colour.blue)
    let medium = cbrt(0.2119034982 * colour.red + 0.6806995451 * colour.green + 0.1073969566 * colour.blue)
    let short = cbrt(0.0883024619 * colour.red + 0.2817188376 * colour.green + 0.6299787005 * colour.blue)
    self.init(
      l: 0.2104542553 * long + 0.7936177850 * medium - 0.0040720468 * short,
      a: 1.9779984951 * long - 2.4285922050 * medium + 0.4505937099 * short,
      b: 0.0259040371 * long + 0.7827717662 * medium - 0.8086757660 * short)
  }

  /// The OKLab coordinates of an 8-bit sRGB colour.
  init(_ colour: RGBColor) {
    self.init(LinearRGB(colour))
  }

  /// How colourful it is: the distance from the gray axis.
  var chroma: Double { (a * a + b * b).squareRoot() }

  /// The perceptual difference ΔE between two colours: their straight-line distance.
  func distance(to other: OKLab) -> Double {
    squaredDistance(to: other).squareRoot()
  }

  /// ΔE², for comparing distances without a square root.
  func squaredDistance(to other: OKLab) -> Double {
    let (dl, da, db) = (l - other.l, a - other.a, b - other.b)
    return dl * dl + da * da + db * db
  }
}
