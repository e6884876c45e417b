import CNNTestSupport
import Testing

@testable import CNN

/// Matrix sizes chosen to hit awkward cases: 1, primes, and sizes around vector widths (16).
struct MatrixCase: CustomTestStringConvertible, Sendable {
  let m: Int
  let n: Int
  let k: Int
  var testDescription: String { "\(m)×\(k) · \(k)×\(n)" }

  static let awkward: [MatrixCase] = [
    MatrixCase(m: 1, n: 1, k: 1), MatrixCase(m: 7, n: 5, k: 3), MatrixCase(m: 15, n: 16, k: 17),
    MatrixCase(m: 33, n: 31, k: 1), MatrixCase(m: 2, n: 129, k: 27), MatrixCase(m: 64, n: 10, k: 100),
  ]
}

@Suite(.isolatedSession) struct MatrixMultiplyTests {
  /// Products of random values in -1...1 with up to 129 terms agree to within this (Float rounding
  /// in a different summation order).
  static let tolerance: Float = 1e-4

  func random(_ count: Int, seed: UInt64) -> [Float] {
    Tensor(randomUniform: [count], in: -1...1, seed: seed).scalars
  }

  func expectClose(_ a: [Float], _ b: [Float]) {
    #expect(a.count == b.count)
    let worst = zip(a, b).map { Swift.abs($0 - $1) }.max() ?? 0
    #expect(worst <= Self.tolerance, "largest difference \(worst)")
  }

  @Test(arguments: MatrixCase.awkward)
  func productMatchesTheReference(_ c: MatrixCase) {
    let a = random(c.m * c.k, seed: 1)
    let b = random(c.k * c.n, seed: 2)
    expectClose(
      matrixProduct(a, b, rows: c.m, inner: c.k, columns: c.n),
      referenceMatrixMultiply(a, b, m: c.m, n: c.n, k: c.k))
  }

  @Test(arguments: MatrixCase.awkward)
  func productWithTheFirstTransposedMatchesTheReference(_ c: MatrixCase) {
    // Aᵀ·B with A stored as k×m (rows × inner in the array API).
    let a = random(c.k * c.m, seed: 3)
    let b = random(c.k * c.n, seed: 4)
    expectClose(
      matrixProductTransposingFirst(a, b, rows: c.k, inner: c.m, columns: c.n),
      referenceMatrixMultiply(a, b, m: c.m, n: c.n, k: c.k, transposeA: true))
  }

  @Test(arguments: MatrixCase.awkward)
  func productWithTheSecondTransposedMatchesTheReference(_ c: MatrixCase) {
    let a = random(c.m * c.k, seed: 5)
    let b = random(c.n * c.k, seed: 6)
    expectClose(
      matrixProductTransposingSecond(a, b, rows: c.m, inner: c.k, columns: c.n),
      referenceMatrixMultiply(a, b, m: c.m, n: c.n, k: c.k, transposeB: true))
  }

  @Test func aSmallProductIsExact() {
    // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]]
    #expect(matrixProduct([1, 2, 3, 4], [5, 6, 7, 8], rows: 2, inner: 2, columns: 2) == [19, 22, 43, 50])
  }
}
