import Foundation

// The textbook inverse DCT (T.81, A.3.3), computed directly in Double: the definition that the
// fast integer `JPEGIDCT.transform` must agree with, used by the tests.

extension JPEGIDCT {
  /// Returns the 64 level-shifted samples (rounded, clamped to 0…255) of a block of dequantised
  /// coefficients in natural order:
  /// s(x, y) = 1/4 Σ_u Σ_v C(u) C(v) F(v, u) cos((2x + 1)uπ/16) cos((2y + 1)vπ/16) + 128.
  static func referenceTransform(_ coefficients: [Int32]) -> [UInt8] {
    precondition(coefficients.count == 64)
    var samples = [UInt8](repeating: 0, count: 64)
    for y in 0..<8 {
      for x in 0..<8 {
        var sum = 0.0
        for v in 0..<8 {
          for u in 0..<8 {
            let cu = u == 0 ? 1 / 2.0.squareRoot() : 1
            let cv = v == 0 ? 1 / 2.0.squareRoot() : 1
            sum +=
              cu * cv * Double(coefficients[v * 8 + u]) * cos(Double(2 * x + 1) * Double(u) * .pi / 16)
              * cos(Double(2 * y + 1) * Double(v) * .pi / 16)
          }
        }
        samples[y * 8 + x] = UInt8(max(0, min(255, (sum / 4 + 128).rounded())))
      }
    }
    return samples
  }
}
