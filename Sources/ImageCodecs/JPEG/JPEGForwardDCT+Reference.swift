import Foundation

// The textbook forward DCT (T.81, A.3.3), computed directly in Double: the definition that the
// separable fixed-point `JPEGForwardDCT.transform` must agree with, used by the tests.

extension JPEGForwardDCT {
  /// Returns the 64 coefficients (natural order, not rounded) of 64 level-shifted samples:
  /// F(v, u) = 1/4 C(u) C(v) Σ_x Σ_y s(y, x) cos((2x + 1)uπ/16) cos((2y + 1)vπ/16).
  static func referenceTransform(_ samples: [Int32]) -> [Double] {
    precondition(samples.count == 64)
    var coefficients = [Double](repeating: 0, count: 64)
    for v in 0..<8 {
      for u in 0..<8 {
        let cu = u == 0 ? 1 / 2.0.squareRoot() : 1
        let cv = v == 0 ? 1 / 2.0.squareRoot() : 1
        var sum = 0.0
        for y in 0..<8 {
          for x in 0..<8 {
            sum +=
              Double(samples[y * 8 + x]) * cos(Double(2 * x + 1) * Double(u) * .pi / 16)
              * cos(Double(2 * y + 1) * Double(v) * .pi / 16)
          }
        }
        coefficients[v * 8 + u] = cu * cv * sum / 4
      }
    }
    return coefficients
  }
}
