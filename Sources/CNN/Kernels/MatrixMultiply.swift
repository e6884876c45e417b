// Row-major single-precision matrix products, the workhorse behind Conv2D and Dense:
//   forward          C = A·B      (activations × weights)
//   weight gradient  C = Aᵀ·B     (inputs ᵀ × output gradients)
//   input gradient   C = A·Bᵀ     (output gradients × weights ᵀ)
// All three run on the packed SIMD product in PackedMatrixMultiply.swift, reading the operands
// with the strides of each form, except where n is a handful against a long k (a dense layer
// with few units), which NarrowMatrixMultiply.swift computes along k instead;
// `referenceMatrixMultiply` defines what "correct" means for them.

/// C[m×n] = A[m×k] · B[k×n], or C += A·B when `accumulate` is true; plus `bias[j]` on every
/// row's column j when a bias of n values is given.
func matrixMultiply(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
  m: Int, n: Int, k: Int, accumulate: Bool = false, bias: UnsafePointer<Float>? = nil,
  threads: Int = ComputeThreads.count
) {
  if n <= narrowProductLimit && bias == nil && k >= 16 * n {
    ScratchBuffers.shared.withFloats(n * k) { scratch in
      narrowMatrixMultiply(a, b, into: c, m: m, n: n, k: k, accumulate: accumulate, scratch: scratch)
    }
    return
  }
  PackedMatrixMultiply.multiply(
    m: m, n: n, k: k, MatrixOperand(base: a, rowStride: k, columnStride: 1),
    MatrixOperand(base: b, rowStride: n, columnStride: 1), into: c, ldc: n, accumulate: accumulate, bias: bias,
    threads: threads)
}

/// C[k×n] = A[m×k]ᵀ · B[m×n], or C += Aᵀ·B when `accumulate` is true: a sum of m outer products.
func matrixMultiplyTransposingFirst(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
  m: Int, n: Int, k: Int, accumulate: Bool = false, threads: Int = ComputeThreads.count
) {
  if n <= narrowProductLimit && k >= 16 * n {
    ScratchBuffers.shared.withFloats(n * k) { scratch in
      narrowMatrixMultiplyTransposingFirst(a, b, into: c, m: m, n: n, k: k, accumulate: accumulate, scratch: scratch)
    }
    return
  }
  PackedMatrixMultiply.multiply(
    m: k, n: n, k: m, MatrixOperand(base: a, rowStride: 1, columnStride: k),
    MatrixOperand(base: b, rowStride: n, columnStride: 1), into: c, ldc: n, accumulate: accumulate, threads: threads)
}

/// C[m×k] = A[m×n] · B[k×n]ᵀ.
///
/// With few rows and many columns (a dense layer's input gradient: a batch of 32 against 100,000
/// inputs), packing B's transpose would cost more than the product, so this computes
/// Cᵀ = B · Aᵀ instead, reading B in place, and transposes the result.
func matrixMultiplyTransposingSecond(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
  m: Int, n: Int, k: Int, threads: Int = ComputeThreads.count
) {
  if n <= narrowProductLimit && k >= 16 * n {
    ScratchBuffers.shared.withFloats(n * k) { scratch in
      narrowMatrixMultiplyTransposingSecond(a, b, into: c, m: m, n: n, k: k, scratch: scratch)
    }
    return
  }
  if m <= 64 && k >= 16 * m {
    ScratchBuffers.shared.withFloats(k * m) { transposed in
      PackedMatrixMultiply.multiply(
        m: k, n: m, k: n, MatrixOperand(base: b, rowStride: n, columnStride: 1),
        MatrixOperand(base: a, rowStride: 1, columnStride: n), into: transposed, ldc: m, accumulate: false,
        threads: threads)
      transpose(transposed, rows: k, columns: m, into: c, threads: threads)
    }
    return
  }
  PackedMatrixMultiply.multiply(
    m: m, n: k, k: n, MatrixOperand(base: a, rowStride: n, columnStride: 1),
    MatrixOperand(base: b, rowStride: 1, columnStride: n), into: c, ldc: k, accumulate: false, threads: threads)
}

/// Writes the transpose of the row-major `rows × columns` matrix `source` into `target`, in
/// 16×16 blocks (read along rows, written along rows of the result) shared out over the threads.
func transpose(
  _ source: UnsafePointer<Float>, rows: Int, columns: Int, into target: UnsafeMutablePointer<Float>,
  threads: Int = ComputeThreads.count
) {
  let block = 16
  let rowBlocks = (rows + block - 1) / block
  ComputeThreads.forEachShare(of: rowBlocks, workPerItem: block * columns, threads: threads) { share in
    for rowBlock in share {
      let firstRow = rowBlock * block
      let lastRow = min(firstRow + block, rows)
      for firstColumn in stride(from: 0, to: columns, by: block) {
        for column in firstColumn..<min(firstColumn + block, columns) {
          let output = target + column &* rows
          for row in firstRow..<lastRow { output[row] = source[row &* columns &+ column] }
        }
      }
    }
  }
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

// Each writes its result into `storage` when that has the right size (see `overwritableArray`).

/// Returns A[rows×inner] · B[inner×columns], a row-major `rows × columns` array.
func matrixProduct(
  _ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int, reusing storage: consuming [Float] = []
) -> [Float] {
  precondition(a.count == rows * inner && b.count == inner * columns, "matrixProduct: sizes do not match")
  return product(a, b, resultCount: rows * columns, reusing: storage) { a, b, c in
    matrixMultiply(a, b, into: c, m: rows, n: columns, k: inner)
  }
}

/// Returns A[rows×inner]ᵀ · B[rows×columns], an `inner × columns` array.
func matrixProductTransposingFirst(
  _ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int, reusing storage: consuming [Float] = []
) -> [Float] {
  precondition(
    a.count == rows * inner && b.count == rows * columns, "matrixProductTransposingFirst: sizes do not match")
  return product(a, b, resultCount: inner * columns, reusing: storage) { a, b, c in
    matrixMultiplyTransposingFirst(a, b, into: c, m: rows, n: columns, k: inner)
  }
}

/// Returns A[rows×inner] · B[columns×inner]ᵀ, a `rows × columns` array.
func matrixProductTransposingSecond(
  _ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int, reusing storage: consuming [Float] = []
) -> [Float] {
  precondition(
    a.count == rows * inner && b.count == columns * inner, "matrixProductTransposingSecond: sizes do not match")
  return product(a, b, resultCount: rows * columns, reusing: storage) { a, b, c in
    matrixMultiplyTransposingSecond(a, b, into: c, m: rows, n: inner, k: columns)
  }
}

/// Runs `multiply` on the arrays' storage, writing into an array of `resultCount` values, all
/// zeros when an operand is empty (a sum of no terms).
private func product(
  _ a: [Float], _ b: [Float], resultCount: Int, reusing storage: consuming [Float],
  _ multiply: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void
) -> [Float] {
  var c = overwritableArray(count: resultCount, reusing: storage)
  guard !a.isEmpty, !b.isEmpty, resultCount > 0 else {
    c.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    return c
  }
  a.withUnsafeBufferPointer { a in
    b.withUnsafeBufferPointer { b in
      c.withUnsafeMutableBufferPointer { c in multiply(a.baseAddress!, b.baseAddress!, c.baseAddress!) }
    }
  }
  return c
}
