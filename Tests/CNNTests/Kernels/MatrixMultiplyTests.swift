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
    // Several row blocks (128), term blocks (256) and 32-wide panels; a narrow 16-wide product
    // large enough to be split over the cores.
    MatrixCase(m: 129, n: 33, k: 257), MatrixCase(m: 300, n: 16, k: 27), MatrixCase(m: 33, n: 7, k: 600),
    // B read in place: rows of whole 32-wide panels, over three term blocks.
    MatrixCase(m: 40, n: 64, k: 600), MatrixCase(m: 9, n: 32, k: 300),
    // Few rows and many columns: A·Bᵀ is computed as (B·Aᵀ)ᵀ (a dense layer's input gradient).
    MatrixCase(m: 3, n: 700, k: 50), MatrixCase(m: 32, n: 531, k: 64),
    // A handful of columns against a long sum (the lesson's dense layer: 5 units, 3,600 inputs),
    // and for A·Bᵀ a handful of terms against many columns: products along k, 64, 16 and 1 at a
    // time.
    MatrixCase(m: 32, n: 5, k: 1500), MatrixCase(m: 3, n: 16, k: 257), MatrixCase(m: 7, n: 1, k: 83),
    MatrixCase(m: 32, n: 1500, k: 5), MatrixCase(m: 5, n: 257, k: 16), MatrixCase(m: 2, n: 83, k: 1),
  ]
}

@Suite(.isolatedSession) struct MatrixMultiplyTests {
  /// Products of random values in -1...1 with up to 2,000 terms agree to within this (Float
  /// rounding in a different summation order, and fused multiply-adds; the largest seen is below
  /// 7e-5, at 2,000 terms).
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

  /// Sizes above `PackedMatrixMultiply.parallelThreshold`, so that the threads really split them.
  @Test(arguments: [(m: 4100, n: 64, k: 64), (m: 300, n: 40, k: 1400), (m: 27, n: 16, k: 40000)])
  func theNumberOfThreadsDoesNotChangeASingleBit(_ size: (m: Int, n: Int, k: Int)) {
    #expect(size.m * size.n * size.k >= PackedMatrixMultiply.parallelThreshold)
    let a = random(size.m * size.k, seed: 7)
    let b = random(size.k * size.n, seed: 8)
    func product(threads: Int) -> [Float] {
      var c = [Float](repeating: 0, count: size.m * size.n)
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          c.withUnsafeMutableBufferPointer { c in
            PackedMatrixMultiply.multiply(
              m: size.m, n: size.n, k: size.k, MatrixOperand(base: a.baseAddress!, rowStride: size.k, columnStride: 1),
              MatrixOperand(base: b.baseAddress!, rowStride: size.n, columnStride: 1), into: c.baseAddress!,
              ldc: size.n, accumulate: false, threads: threads)
          }
        }
      }
      return c
    }
    let alone = product(threads: 1)
    #expect(product(threads: 2) == alone)
    #expect(product(threads: 3) == alone)
    // Against the plain definition where Float rounding of the two summation orders stays within
    // the tolerance (a 40,000-term sum drifts by about 1e-3; the smaller tests cover correctness).
    if size.k <= 2000 { expectClose(alone, referenceMatrixMultiply(a, b, m: size.m, n: size.n, k: size.k)) }
  }

  /// A bias is where every row's sums start: the same as adding it afterwards, for wide and
  /// narrow C, a product split over the threads (27 rows, 40,000 terms) and a sum of no terms.
  @Test(arguments: [(m: 37, n: 45, k: 300), (m: 19, n: 16, k: 33), (m: 27, n: 16, k: 40000), (m: 3, n: 5, k: 0)])
  func aBiasIsAddedToEveryRow(_ size: (m: Int, n: Int, k: Int)) {
    let a = random(size.m * size.k, seed: 11)
    let b = random(size.k * size.n, seed: 12)
    let bias = random(size.n, seed: 13)
    var c = [Float](repeating: .nan, count: size.m * size.n)
    // One value more than the product reads, so that even an empty operand has an address.
    (a + [0]).withUnsafeBufferPointer { a in
      (b + [0]).withUnsafeBufferPointer { b in
        bias.withUnsafeBufferPointer { bias in
          c.withUnsafeMutableBufferPointer { c in
            matrixMultiply(
              a.baseAddress!, b.baseAddress!, into: c.baseAddress!, m: size.m, n: size.n, k: size.k,
              bias: bias.baseAddress!)
          }
        }
      }
    }
    let product = referenceMatrixMultiply(a, b, m: size.m, n: size.n, k: size.k)
    let expected = product.indices.map { product[$0] + bias[$0 % size.n] }
    // Float rounding of a 40,000-term sum in two orders stays well inside 1e-2.
    let worst = zip(c, expected).map { Swift.abs($0 - $1) }.max() ?? .nan
    #expect(worst < (size.k > 2000 ? 1e-2 : 1e-4), "largest difference \(worst)")
  }

  @Test func accumulatingAddsToWhatIsThere() {
    let a = random(40 * 300, seed: 9)
    let b = random(300 * 20, seed: 10)
    var c = [Float](repeating: 1, count: 40 * 20)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          matrixMultiply(a.baseAddress!, b.baseAddress!, into: c.baseAddress!, m: 40, n: 20, k: 300, accumulate: true)
        }
      }
    }
    expectClose(c, referenceMatrixMultiply(a, b, m: 40, n: 20, k: 300).map { $0 + 1 })
  }

  @Test func aSmallProductIsExact() {
    // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]]
    #expect(matrixProduct([1, 2, 3, 4], [5, 6, 7, 8], rows: 2, inner: 2, columns: 2) == [19, 22, 43, 50])
  }
}
