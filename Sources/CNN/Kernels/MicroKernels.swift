// The micro-kernels of the packed matrix product, and the two ways they read A: with fixed
// strides (`TileRows`: a matrix, packed or in place) or through eight pointers stepped together
// (`SteppedPointers`: windows of an image, read in place by the convolution).
//
// The kernels are generic over the reader and inlined into one entry point per reader, all in
// this file: a debug build optimises each file on its own, and a kernel that cannot see its
// reader's code runs ten times slower.

extension PackedMatrixMultiply {
  /// Sums an 8×32 tile over `depth` terms and writes it into C (see `tile`), reading A in strides.
  static func multiplyTile(
    depth: Int, _ sliver: TileRows, _ b: UnsafePointer<Float>, bStride: Int = 32, into c: UnsafeMutablePointer<Float>,
    ldc: Int, rows: Int, columns: Int, adds: Bool, startingAt start: UnsafePointer<Float>?, rectifies: Bool = false
  ) {
    tile(
      depth: depth, sliver, b, bStride: bStride, into: c, ldc: ldc, rows: rows, columns: columns, adds: adds,
      startingAt: start, rectifies: rectifies)
  }

  /// Sums an 8×32 tile over `depth` terms and writes it into C (see `tile`), reading A through
  /// eight stepped pointers.
  static func multiplyTile(
    depth: Int, _ sliver: SteppedPointers, _ b: UnsafePointer<Float>, bStride: Int = 32,
    into c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int, adds: Bool,
    startingAt start: UnsafePointer<Float>?, rectifies: Bool = false
  ) {
    tile(
      depth: depth, sliver, b, bStride: bStride, into: c, ldc: ldc, rows: rows, columns: columns, adds: adds,
      startingAt: start, rectifies: rectifies)
  }

  /// Sums an 8×16 tile over `depth` terms and writes it into C (see `narrowTile`), reading A in strides.
  static func multiplyNarrowTile(
    depth: Int, _ sliver: TileRows, _ b: UnsafePointer<Float>, bStride: Int = 16, into c: UnsafeMutablePointer<Float>,
    ldc: Int, rows: Int, columns: Int, adds: Bool, startingAt start: UnsafePointer<Float>?, rectifies: Bool = false
  ) {
    narrowTile(
      depth: depth, sliver, b, bStride: bStride, into: c, ldc: ldc, rows: rows, columns: columns, adds: adds,
      startingAt: start, rectifies: rectifies)
  }

  /// Sums an 8×16 tile over `depth` terms and writes it into C (see `narrowTile`), reading A
  /// through eight stepped pointers.
  static func multiplyNarrowTile(
    depth: Int, _ sliver: SteppedPointers, _ b: UnsafePointer<Float>, bStride: Int = 16,
    into c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int, adds: Bool,
    startingAt start: UnsafePointer<Float>?, rectifies: Bool = false
  ) {
    narrowTile(
      depth: depth, sliver, b, bStride: bStride, into: c, ldc: ldc, rows: rows, columns: columns, adds: adds,
      startingAt: start, rectifies: rectifies)
  }

  /// The micro-kernel: sums an 8×32 tile of products over `depth` terms in sixteen vector
  /// registers, each row starting from the 32 values at `startingAt` (or zero), then writes (or
  /// adds) its first `rows` × `columns` values into C.
  ///
  /// B's rows are `bStride` floats apart (32 in a packed panel), and with `rectifies` results
  /// that are not positive are written as zero (a ReLU fused into the write-back).
  @inline(__always)
  private static func tile<Rows: Sliver>(
    depth: Int, _ sliver: Rows, _ b: UnsafePointer<Float>, bStride: Int = 32, into c: UnsafeMutablePointer<Float>,
    ldc: Int, rows: Int, columns: Int, adds: Bool, startingAt start: UnsafePointer<Float>?, rectifies: Bool = false
  ) {
    typealias Vector = SIMD16<Float>
    let start0 = start.map { load($0) } ?? Vector()
    let start1 = start.map { load($0 + 16) } ?? Vector()
    var (c00, c10, c20, c30, c40, c50, c60, c70) = (start0, start0, start0, start0, start0, start0, start0, start0)
    var (c01, c11, c21, c31, c41, c51, c61, c71) = (start1, start1, start1, start1, start1, start1, start1, start1)
    var a = sliver
    var b = b
    for _ in 0..<depth {
      let b0 = load(b)
      let b1 = load(b + 16)
      var x = Vector(repeating: a.value(row: 0))
      c00 = multiplyAdd(c00, x, b0)
      c01 = multiplyAdd(c01, x, b1)
      x = Vector(repeating: a.value(row: 1))
      c10 = multiplyAdd(c10, x, b0)
      c11 = multiplyAdd(c11, x, b1)
      x = Vector(repeating: a.value(row: 2))
      c20 = multiplyAdd(c20, x, b0)
      c21 = multiplyAdd(c21, x, b1)
      x = Vector(repeating: a.value(row: 3))
      c30 = multiplyAdd(c30, x, b0)
      c31 = multiplyAdd(c31, x, b1)
      x = Vector(repeating: a.value(row: 4))
      c40 = multiplyAdd(c40, x, b0)
      c41 = multiplyAdd(c41, x, b1)
      x = Vector(repeating: a.value(row: 5))
      c50 = multiplyAdd(c50, x, b0)
      c51 = multiplyAdd(c51, x, b1)
      x = Vector(repeating: a.value(row: 6))
      c60 = multiplyAdd(c60, x, b0)
      c61 = multiplyAdd(c61, x, b1)
      x = Vector(repeating: a.value(row: 7))
      c70 = multiplyAdd(c70, x, b0)
      c71 = multiplyAdd(c71, x, b1)
      a.advance()
      b += bStride
    }
    @inline(__always) func write(_ left: Vector, _ right: Vector, row: Int) {
      guard row < rows else { return }
      let output = c + row &* ldc
      writeSums(left, into: output, count: min(columns, 16), adds: adds, rectifies: rectifies)
      if columns > 16 {
        writeSums(right, into: output + 16, count: columns &- 16, adds: adds, rectifies: rectifies)
      }
    }
    write(c00, c01, row: 0)
    write(c10, c11, row: 1)
    write(c20, c21, row: 2)
    write(c30, c31, row: 3)
    write(c40, c41, row: 4)
    write(c50, c51, row: 5)
    write(c60, c61, row: 6)
    write(c70, c71, row: 7)
  }

  /// The micro-kernel for C of at most 16 columns: an 8×16 tile in eight vector registers
  /// (`bStride` is 16 in a packed panel).
  @inline(__always)
  private static func narrowTile<Rows: Sliver>(
    depth: Int, _ sliver: Rows, _ b: UnsafePointer<Float>, bStride: Int = 16, into c: UnsafeMutablePointer<Float>,
    ldc: Int, rows: Int, columns: Int, adds: Bool, startingAt start: UnsafePointer<Float>?, rectifies: Bool = false
  ) {
    typealias Vector = SIMD16<Float>
    let first = start.map { load($0) } ?? Vector()
    var sums = (first, first, first, first, first, first, first, first)
    var a = sliver
    var b = b
    for _ in 0..<depth {
      let row = load(b)
      sums.0 = multiplyAdd(sums.0, Vector(repeating: a.value(row: 0)), row)
      sums.1 = multiplyAdd(sums.1, Vector(repeating: a.value(row: 1)), row)
      sums.2 = multiplyAdd(sums.2, Vector(repeating: a.value(row: 2)), row)
      sums.3 = multiplyAdd(sums.3, Vector(repeating: a.value(row: 3)), row)
      sums.4 = multiplyAdd(sums.4, Vector(repeating: a.value(row: 4)), row)
      sums.5 = multiplyAdd(sums.5, Vector(repeating: a.value(row: 5)), row)
      sums.6 = multiplyAdd(sums.6, Vector(repeating: a.value(row: 6)), row)
      sums.7 = multiplyAdd(sums.7, Vector(repeating: a.value(row: 7)), row)
      a.advance()
      b += bStride
    }
    @inline(__always) func write(_ sum: Vector, row: Int) {
      guard row < rows else { return }
      writeSums(sum, into: c + row &* ldc, count: columns, adds: adds, rectifies: rectifies)
    }
    write(sums.0, row: 0)
    write(sums.1, row: 1)
    write(sums.2, row: 2)
    write(sums.3, row: 3)
    write(sums.4, row: 4)
    write(sums.5, row: 5)
    write(sums.6, row: 6)
    write(sums.7, row: 7)
  }

  /// Writes (or adds) the first `count` of sixteen sums into `output`, as zero where not
  /// positive when `rectifies`: one vector move when all sixteen belong to C, else one value at a
  /// time so nothing past C's last column is touched.
  @inline(__always)
  private static func writeSums(
    _ sums: SIMD16<Float>, into output: UnsafeMutablePointer<Float>, count: Int, adds: Bool, rectifies: Bool
  ) {
    if count == 16 {
      let values = adds ? load(output) + sums : sums
      store(rectifies ? values.replacing(with: 0, where: values .<= 0) : values, output)
    } else {
      for j in 0..<count {
        let value = adds ? output[j] + sums[j] : sums[j]
        output[j] = rectifies && value <= 0 ? 0 : value
      }
    }
  }

  @inline(__always)
  private static func load(_ pointer: UnsafePointer<Float>) -> SIMD16<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD16<Float>.self)
  }

  @inline(__always)
  private static func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD16<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD16<Float>.self)
  }

  @inline(__always)
  private static func store(_ value: SIMD16<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD16<Float>.self)
  }

  /// `c + a · b`, fused into one rounding where the processor has a fused multiply-add.
  @inline(__always)
  private static func multiplyAdd(_ c: SIMD16<Float>, _ a: SIMD16<Float>, _ b: SIMD16<Float>) -> SIMD16<Float> {
    #if arch(arm64) || HAS_FMA
      c.addingProduct(a, b)
    #else
      c + a * b
    #endif
  }
}

/// Eight rows of A as a micro-kernel reads them: one value per row at the current term of the
/// sum, then on to the next term.
protocol Sliver {
  /// Row `row`'s value (`row` from 0 to 7) at the current term.
  func value(row: Int) -> Float
  /// Moves on to the next term.
  mutating func advance()
}

/// Eight rows of A with fixed strides: row r, term t at `base[r · rowStride + t · termStride]`
/// (a packed sliver has strides 1 and 8; a row-major A read in place, its row length and 1).
struct TileRows: Sliver {
  /// Row 0 at the current term.
  var base: UnsafePointer<Float>
  /// The distance between rows.
  let rowStride: Int
  /// The distance between terms.
  let termStride: Int

  @inline(__always) func value(row: Int) -> Float { base[row &* rowStride] }

  @inline(__always) mutating func advance() { base += termStride }
}

/// Eight pointers read in step: row r's value at the current term is `origins[r][offset]`, where
/// `offset` moves by `step` for `runLength` terms, then by `jump` more, again and again.
///
/// For a forward tile the origins are eight windows and a run is one row of a window; for a
/// kernel-gradient tile they are eight values of one window and a run is one row of outputs.
struct SteppedPointers: Sliver {
  private let o0, o1, o2, o3, o4, o5, o6, o7: UnsafePointer<Float>
  private var offset = 0
  private var termsLeftInRun: Int
  private let runLength: Int
  private let step: Int
  private let jump: Int

  /// Reads from the `count` pointers at `origins` (at most eight; with fewer, the last is
  /// repeated, and the micro-kernel does not write those rows).
  init(origins: UnsafePointer<UnsafePointer<Float>>, count: Int, runLength: Int, step: Int, jump: Int) {
    func origin(_ row: Int) -> UnsafePointer<Float> { origins[Swift.min(row, count - 1)] }
    (o0, o1, o2, o3) = (origin(0), origin(1), origin(2), origin(3))
    (o4, o5, o6, o7) = (origin(4), origin(5), origin(6), origin(7))
    self.runLength = runLength
    self.termsLeftInRun = runLength
    self.step = step
    self.jump = jump
  }

  @inline(__always) func value(row: Int) -> Float {
    switch row {
    case 0: o0[offset]
    case 1: o1[offset]
    case 2: o2[offset]
    case 3: o3[offset]
    case 4: o4[offset]
    case 5: o5[offset]
    case 6: o6[offset]
    default: o7[offset]
    }
  }

  @inline(__always) mutating func advance() {
    offset &+= step
    termsLeftInRun &-= 1
    if termsLeftInRun == 0 {
      offset &+= jump
      termsLeftInRun = runLength
    }
  }
}
