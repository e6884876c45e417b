// Matrix products where one dimension is a handful (a dense layer with few units, such as the
// lesson's five classes against 3,600 inputs). The packed product works on panels 16 or 32
// columns wide, so with 5 columns it does three to six times the work, and packing costs more
// than the product; these loops run along the long dimension instead, sixteen values at a time,
// on one thread (each is a few microseconds' work). Every result element is summed in an order
// fixed by the shapes alone. `referenceMatrixMultiply` defines what they must give.

/// The most columns (the narrow dimension) the narrow products are used for.
let narrowProductLimit = 16

private typealias Lanes = SIMD16<Float>

@inline(__always)
private func load(_ pointer: UnsafePointer<Float>) -> Lanes {
  UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
}

@inline(__always)
private func store(_ lanes: Lanes, _ pointer: UnsafeMutablePointer<Float>) {
  UnsafeMutableRawPointer(pointer).storeBytes(of: lanes, as: Lanes.self)
}

/// `sum + a · b` lane by lane, fused into one rounding where the processor has a fused
/// multiply-add (as `MicroKernels.multiplyAdd`: a debug build inlines only within a file).
@inline(__always)
private func multiplyAdd(_ sum: inout Lanes, _ a: Lanes, _ b: Lanes) {
  #if arch(arm64) || HAS_FMA
    sum.addProduct(a, b)
  #else
    sum += a * b
  #endif
}

/// `sum + a · b`, fused where the processor has a fused multiply-add.
@inline(__always)
private func multiplyAdd(_ sum: Float, _ a: Float, _ b: Float) -> Float {
  #if arch(arm64) || HAS_FMA
    sum.addingProduct(a, b)
  #else
    sum + a * b
  #endif
}

/// Writes the `rows × columns` row-major `source` transposed into `target` (`columns × rows`).
private func transposeSmall(
  _ source: UnsafePointer<Float>, rows: Int, columns: Int, into target: UnsafeMutablePointer<Float>
) {
  for row in 0..<rows {
    for column in 0..<columns { target[column &* rows &+ row] = source[row &* columns &+ column] }
  }
}

/// Returns the dot product of `count` values of `x` and `y`: four running vector sums over
/// blocks of 64, one over the blocks of 16 left, then the values one by one.
@inline(__always)
private func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
  var (s0, s1, s2, s3) = (Lanes(), Lanes(), Lanes(), Lanes())
  var i = 0
  while i &+ 64 <= count {
    multiplyAdd(&s0, load(x + i), load(y + i))
    multiplyAdd(&s1, load(x + (i &+ 16)), load(y + (i &+ 16)))
    multiplyAdd(&s2, load(x + (i &+ 32)), load(y + (i &+ 32)))
    multiplyAdd(&s3, load(x + (i &+ 48)), load(y + (i &+ 48)))
    i &+= 64
  }
  while i &+ 16 <= count {
    multiplyAdd(&s0, load(x + i), load(y + i))
    i &+= 16
  }
  var sum = ((s0 + s1) + (s2 + s3)).sum()
  while i < count {
    sum = multiplyAdd(sum, x[i], y[i])
    i &+= 1
  }
  return sum
}

/// C[m×n] = A[m×k] · B[k×n] (C += A·B when `accumulate`), for n ≤ `narrowProductLimit`: each
/// element is a dot product of a row of A with a column of B, read from Bᵀ in `scratch`
/// (n · k floats).
func narrowMatrixMultiply(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
  m: Int, n: Int, k: Int, accumulate: Bool, scratch: UnsafeMutablePointer<Float>
) {
  precondition(n <= narrowProductLimit, "narrowMatrixMultiply: \(n) columns is not narrow")
  transposeSmall(b, rows: k, columns: n, into: scratch)
  for i in 0..<m {
    for j in 0..<n {
      let sum = dot(a + i &* k, scratch + j &* k, count: k)
      c[i &* n &+ j] = accumulate ? c[i &* n &+ j] + sum : sum
    }
  }
}

/// C[k×n] = A[m×k]ᵀ · B[m×n] (C += Aᵀ·B when `accumulate`), for n ≤ `narrowProductLimit`: for
/// each column j and 16 rows of C at a time, the sum over A's m rows of B[·, j] times 16 of their
/// values, written into Cᵀ in `scratch` (n · k floats), then into C.
func narrowMatrixMultiplyTransposingFirst(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
  m: Int, n: Int, k: Int, accumulate: Bool, scratch: UnsafeMutablePointer<Float>
) {
  precondition(n <= narrowProductLimit, "narrowMatrixMultiplyTransposingFirst: \(n) columns is not narrow")
  for j in 0..<n {
    let row = scratch + j &* k
    var p = 0
    // Four independent sums at a time keep the multiply-add unit busy; each lane's sum runs over
    // i in the same order in both loops.
    while p &+ 64 <= k {
      var (s0, s1, s2, s3) = (Lanes(), Lanes(), Lanes(), Lanes())
      for i in 0..<m {
        let (x, weight) = (a + (i &* k &+ p), Lanes(repeating: b[i &* n &+ j]))
        multiplyAdd(&s0, load(x), weight)
        multiplyAdd(&s1, load(x + 16), weight)
        multiplyAdd(&s2, load(x + 32), weight)
        multiplyAdd(&s3, load(x + 48), weight)
      }
      (store(s0, row + p), store(s1, row + (p &+ 16)), store(s2, row + (p &+ 32)), store(s3, row + (p &+ 48)))
      p &+= 64
    }
    while p &+ 16 <= k {
      var sum = Lanes()
      for i in 0..<m { multiplyAdd(&sum, load(a + (i &* k &+ p)), Lanes(repeating: b[i &* n &+ j])) }
      store(sum, row + p)
      p &+= 16
    }
    while p < k {
      var sum: Float = 0
      for i in 0..<m { sum = multiplyAdd(sum, a[i &* k &+ p], b[i &* n &+ j]) }
      row[p] = sum
      p &+= 1
    }
  }
  for p in 0..<k {
    for j in 0..<n {
      let value = scratch[j &* k &+ p]
      c[p &* n &+ j] = accumulate ? c[p &* n &+ j] + value : value
    }
  }
}

/// C[m×k] = A[m×n] · B[k×n]ᵀ, for n ≤ `narrowProductLimit` (the short sum): each row of C is the
/// sum of B's n columns, read from Bᵀ in `scratch` (n · k floats), weighted by A's row, 16 values
/// at a time.
func narrowMatrixMultiplyTransposingSecond(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
  m: Int, n: Int, k: Int, scratch: UnsafeMutablePointer<Float>
) {
  precondition(n <= narrowProductLimit, "narrowMatrixMultiplyTransposingSecond: \(n) terms is not narrow")
  transposeSmall(b, rows: k, columns: n, into: scratch)
  for i in 0..<m {
    let weights = a + i &* n
    let output = c + i &* k
    var p = 0
    while p &+ 64 <= k {
      var (s0, s1, s2, s3) = (Lanes(), Lanes(), Lanes(), Lanes())
      for j in 0..<n {
        let (column, weight) = (scratch + (j &* k &+ p), Lanes(repeating: weights[j]))
        multiplyAdd(&s0, load(column), weight)
        multiplyAdd(&s1, load(column + 16), weight)
        multiplyAdd(&s2, load(column + 32), weight)
        multiplyAdd(&s3, load(column + 48), weight)
      }
      (
        store(s0, output + p), store(s1, output + (p &+ 16)), store(s2, output + (p &+ 32)),
        store(s3, output + (p &+ 48))
      )
      p &+= 64
    }
    while p &+ 16 <= k {
      var sum = Lanes()
      for j in 0..<n { multiplyAdd(&sum, load(scratch + (j &* k &+ p)), Lanes(repeating: weights[j])) }
      store(sum, output + p)
      p &+= 16
    }
    while p < k {
      var sum: Float = 0
      for j in 0..<n { sum = multiplyAdd(sum, scratch[j &* k &+ p], weights[j]) }
      output[p] = sum
      p &+= 1
    }
  }
}
