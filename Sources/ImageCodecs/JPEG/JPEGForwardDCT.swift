import Foundation

// The forward DCT of one 8×8 block (T.81, A.3.3), separably: each row is multiplied by the
// 8×8 cosine basis, then each column of the result. That is 2 · 8 · 8 · 8 = 1,024 integer
// multiplications per block against the textbook formula's 4,096 cosines, and exact integer
// arithmetic, so the output is the same on every machine. The basis is held in fixed point
// (× 2^13, rounded), and the sums in `Int` (64 bits) so that neither pass can overflow.
// `JPEGForwardDCT+Reference.swift` holds the formula that the tests check this against.

/// Forward DCTs that turn 8×8 blocks of samples into coefficients.
enum JPEGForwardDCT {
  /// Fraction bits of the fixed-point basis.
  static let basisBits = 13

  /// `basis[u * 8 + x]` = C(u)/2 · cos((2x + 1)uπ/16) · 2^13, rounded, where C(0) = 1/√2 and
  /// C(u) = 1 otherwise: row `u` holds the cosine of frequency `u` at each position `x`.
  static let basis: [Int] = (0..<64).map { index in
    let (u, x) = index.quotientAndRemainder(dividingBy: 8)
    let scale = u == 0 ? 1 / 2.0.squareRoot() : 1
    let cosine = cos(Double(2 * x + 1) * Double(u) * Double.pi / 16)
    return Int((scale / 2 * cosine * Double(1 << basisBits)).rounded())
  }

  /// Transforms 64 level-shifted samples (sample − 128, row-major) in `block` into their 64
  /// coefficients F(v, u) in natural order, rounded to the nearest integer (halves away from
  /// zero). `workspace` is 64 `Int`s of scratch space, so that no call allocates.
  static func transform(_ block: inout [Int32], workspace: inout [Int]) {
    precondition(block.count == 64 && workspace.count == 64)
    basis.withUnsafeBufferPointer { basis in
      // Rows: workspace[y][u] = Σ_x basis[u][x] · s[y][x], scaled by 2^13.
      for y in 0..<8 {
        for u in 0..<8 {
          var sum = 0
          for x in 0..<8 { sum += basis[u * 8 + x] * Int(block[y * 8 + x]) }
          workspace[y * 8 + u] = sum
        }
      }
      // Columns: F[v][u] = Σ_y basis[v][y] · workspace[y][u], scaled by 2^26, then rounded.
      let shift = 2 * basisBits
      let half = 1 << (shift - 1)
      for v in 0..<8 {
        for u in 0..<8 {
          var sum = 0
          for y in 0..<8 { sum += basis[v * 8 + y] * workspace[y * 8 + u] }
          block[v * 8 + u] = Int32(sum >= 0 ? (sum + half) >> shift : -((-sum + half) >> shift))
        }
      }
    }
  }
}
