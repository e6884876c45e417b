// Row-major single-precision matrix products, the workhorse behind Conv2D and Dense:
//   forward          C = A·B      (activations × weights)
//   weight gradient  C = Aᵀ·B     (inputs ᵀ × output gradients)
//   input gradient   C = A·Bᵀ     (output gradients × weights ᵀ)
// Loops run i-k-j so the innermost loop walks a row of B and a row of C with unit stride, which
// the compiler vectorises. Summation order is fixed, so results are identical run to run.
// Index arithmetic is wrapping (&+, &*) because overflow checks block vectorisation; every index
// stays below m·n, m·k or k·n, which the callers' buffer sizes bound.
// A register-blocked SIMD kernel replaces these in the speed issue; `referenceMatrixMultiply`
// defines what "correct" means for all of them.

/// C[m×n] = A[m×k] · B[k×n], or C += A·B when `accumulate` is true.
func matrixMultiply(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
  m: Int, n: Int, k: Int, accumulate: Bool = false
) {
  for i in 0..<m {
    let cRow = c + i &* n
    if !accumulate { cRow.update(repeating: 0, count: n) }
    let aRow = a + i &* k
    for p in 0..<k {
      let scale = aRow[p]
      let bRow = b + p &* n
      for j in 0..<n { cRow[j] += scale * bRow[j] }
    }
  }
}

/// C[k×n] = A[m×k]ᵀ · B[m×n], or C += Aᵀ·B when `accumulate` is true: a sum of m outer products.
func matrixMultiplyTransposingFirst(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
  m: Int, n: Int, k: Int, accumulate: Bool = false
) {
  if !accumulate { c.update(repeating: 0, count: k &* n) }
  for i in 0..<m {
    let aRow = a + i &* k
    let bRow = b + i &* n
    for p in 0..<k {
      let scale = aRow[p]
      let cRow = c + p &* n
      for j in 0..<n { cRow[j] += scale * bRow[j] }
    }
  }
}

/// C[m×k] = A[m×n] · B[k×n]ᵀ. B is transposed into a scratch copy first so the product runs in
/// the vectorised i-k-j order (B is a weight matrix, small next to A).
func matrixMultiplyTransposingSecond(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
  m: Int, n: Int, k: Int
) {
  let transposed = UnsafeMutablePointer<Float>.allocate(capacity: n &* k)
  defer { transposed.deallocate() }
  for row in 0..<k {
    for column in 0..<n { transposed[column &* k &+ row] = b[row &* n &+ column] }
  }
  matrixMultiply(a, UnsafePointer(transposed), into: c, m: m, n: k, k: n)
}

// MARK: - Reference

/// C[m×n] = op(A) · op(B) with plain loops and one running sum per element, where op transposes
/// when asked: the definition the fast products are tested against.
func referenceMatrixMultiply(
  _ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false
) -> [Float] {
  var c = [Float](repeating: 0, count: m * n)
  for i in 0..<m {
    for j in 0..<n {
      var sum: Float = 0
      for p in 0..<k {
        let x = transposeA ? a[p * m + i] : a[i * k + p]
        let y = transposeB ? b[j * k + p] : b[p * n + j]
        sum += x * y
      }
      c[i * n + j] = sum
    }
  }
  return c
}

// MARK: - Array entry points for layers

/// Returns A[rows×inner] · B[inner×columns] as a new row-major array.
func matrixProduct(_ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int) -> [Float] {
  precondition(a.count == rows * inner && b.count == inner * columns, "matrixProduct: sizes do not match")
  return product(a, b, resultCount: rows * columns) { a, b, c in
    matrixMultiply(a, b, into: c, m: rows, n: columns, k: inner)
  }
}

/// Returns A[rows×inner]ᵀ · B[rows×columns], an `inner × columns` array.
func matrixProductTransposingFirst(_ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int) -> [Float] {
  precondition(
    a.count == rows * inner && b.count == rows * columns, "matrixProductTransposingFirst: sizes do not match")
  return product(a, b, resultCount: inner * columns) { a, b, c in
    matrixMultiplyTransposingFirst(a, b, into: c, m: rows, n: columns, k: inner)
  }
}

/// Returns A[rows×inner] · B[columns×inner]ᵀ, a `rows × columns` array.
func matrixProductTransposingSecond(_ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int) -> [Float] {
  precondition(
    a.count == rows * inner && b.count == columns * inner, "matrixProductTransposingSecond: sizes do not match")
  return product(a, b, resultCount: rows * columns) { a, b, c in
    matrixMultiplyTransposingSecond(a, b, into: c, m: rows, n: inner, k: columns)
  }
}

/// Runs `multiply` on the arrays' storage, writing into a new zeroed array of `resultCount`
/// values (left as zeros when an operand is empty: a sum of no terms).
private func product(
  _ a: [Float], _ b: [Float], resultCount: Int,
  _ multiply: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void
) -> [Float] {
  var c = [Float](repeating: 0, count: resultCount)
  guard !a.isEmpty, !b.isEmpty, resultCount > 0 else { return c }
  a.withUnsafeBufferPointer { a in
    b.withUnsafeBufferPointer { b in
      c.withUnsafeMutableBufferPointer { c in multiply(a.baseAddress!, b.baseAddress!, c.baseAddress!) }
    }
  }
  return c
}
