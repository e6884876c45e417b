// The inverse DCT of one 8×8 block, in libjpeg's accurate integer form ("islow",
// jidctint.c: the Loeffler–Ligtenberg–Moschytz factorisation with 12 multiplications), so that
// pixels match libjpeg-turbo's default `djpeg` output exactly.
//
// Two passes: columns into a 64-entry workspace scaled up by 2^passOneBits, then rows, which
// remove that scale and the 2^3 of the DCT's normalisation. Constants are cosines × 2^13.
// `JPEGIDCT+Reference.swift` holds the textbook formula the tests check this against.

/// Inverse DCTs that turn a block of quantised coefficients into samples.
enum JPEGIDCT {
  /// Fraction bits of the fixed-point constants.
  static let constantBits: Int32 = 13
  /// Extra bits of precision kept between the two passes.
  static let passOneBits: Int32 = 2

  // The cosine constants, FIX(x) = round(x · 2^13), named after x ("0p298631336" is 0.298631336).
  static let fix0p298631336: Int32 = 2446
  static let fix0p390180644: Int32 = 3196
  static let fix0p541196100: Int32 = 4433
  static let fix0p765366865: Int32 = 6270
  static let fix0p899976223: Int32 = 7373
  static let fix1p175875602: Int32 = 9633
  static let fix1p501321110: Int32 = 12299
  static let fix1p847759065: Int32 = 15137
  static let fix1p961570560: Int32 = 16069
  static let fix2p053119869: Int32 = 16819
  static let fix2p562915447: Int32 = 20995
  static let fix3p072711026: Int32 = 25172

  /// Dequantises `block` (natural order) with `steps`, transforms it, and writes the 8×8
  /// samples (level-shifted by 128 and clamped as libjpeg clamps) at `output`, rows `stride`
  /// apart. `workspace` is 64 `Int32`s of scratch space, so that no call allocates.
  @inline(__always)
  static func transform(
    _ block: UnsafePointer<Int16>, steps: UnsafePointer<Int32>, workspace: UnsafeMutablePointer<Int32>,
    into output: UnsafeMutablePointer<UInt8>, stride: Int
  ) {
    for column in 0..<8 {
      let input = block + column
      let step = steps + column
      if input[8] == 0 && input[16] == 0 && input[24] == 0 && input[32] == 0 && input[40] == 0 && input[48] == 0
        && input[56] == 0
      {
        // Only the DC term: the column is flat (the general path gives the same values).
        let flat = Int32(input[0]) &* step[0] << passOneBits
        for row in 0..<8 { workspace[row * 8 + column] = flat }
        continue
      }
      let (y0, y1, y2, y3, y4, y5, y6, y7) = butterfly(
        Int32(input[0]) &* step[0], Int32(input[8]) &* step[8], Int32(input[16]) &* step[16],
        Int32(input[24]) &* step[24], Int32(input[32]) &* step[32], Int32(input[40]) &* step[40],
        Int32(input[48]) &* step[48], Int32(input[56]) &* step[56])
      let shift = constantBits - passOneBits
      let rounding: Int32 = 1 << (shift - 1)
      let target = workspace + column
      target[0] = (y0 &+ rounding) >> shift
      target[8] = (y1 &+ rounding) >> shift
      target[16] = (y2 &+ rounding) >> shift
      target[24] = (y3 &+ rounding) >> shift
      target[32] = (y4 &+ rounding) >> shift
      target[40] = (y5 &+ rounding) >> shift
      target[48] = (y6 &+ rounding) >> shift
      target[56] = (y7 &+ rounding) >> shift
    }
    let shift = constantBits + passOneBits + 3
    let rounding: Int32 = 1 << (shift - 1)
    for row in 0..<8 {
      let line = workspace + row * 8
      let target = output + row * stride
      if line[1] == 0 && line[2] == 0 && line[3] == 0 && line[4] == 0 && line[5] == 0 && line[6] == 0 && line[7] == 0 {
        let flat = clamp((line[0] &+ (1 << (passOneBits + 2))) >> (passOneBits + 3))
        for column in 0..<8 { target[column] = flat }
        continue
      }
      let (y0, y1, y2, y3, y4, y5, y6, y7) = butterfly(
        line[0], line[1], line[2], line[3], line[4], line[5], line[6], line[7])
      target[0] = clamp((y0 &+ rounding) >> shift)
      target[1] = clamp((y1 &+ rounding) >> shift)
      target[2] = clamp((y2 &+ rounding) >> shift)
      target[3] = clamp((y3 &+ rounding) >> shift)
      target[4] = clamp((y4 &+ rounding) >> shift)
      target[5] = clamp((y5 &+ rounding) >> shift)
      target[6] = clamp((y6 &+ rounding) >> shift)
      target[7] = clamp((y7 &+ rounding) >> shift)
    }
  }

  /// The 8-point inverse DCT of `x0`…`x7` (one row or column), scaled by 2^13 and not yet
  /// rounded: the even part from x0, x2, x4, x6 and the odd part from x1, x3, x5, x7.
  @inline(__always)
  static func butterfly(
    _ x0: Int32, _ x1: Int32, _ x2: Int32, _ x3: Int32, _ x4: Int32, _ x5: Int32, _ x6: Int32, _ x7: Int32
  ) -> (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) {
    // Even part: a rotation of x2, x6 and the sum and difference of x0, x4.
    let rotation = (x2 &+ x6) &* fix0p541196100
    let even2 = rotation &+ x6 &* -fix1p847759065
    let even3 = rotation &+ x2 &* fix0p765366865
    let even0 = (x0 &+ x4) << constantBits
    let even1 = (x0 &- x4) << constantBits
    let sum10 = even0 &+ even3
    let sum13 = even0 &- even3
    let sum11 = even1 &+ even2
    let sum12 = even1 &- even2
    // Odd part: x7, x5, x3, x1 through the shared rotation z5 and four cross terms.
    let z1 = x7 &+ x1
    let z2 = x5 &+ x3
    let z3 = x7 &+ x3
    let z4 = x5 &+ x1
    let z5 = (z3 &+ z4) &* fix1p175875602
    let cross1 = z1 &* -fix0p899976223
    let cross2 = z2 &* -fix2p562915447
    let cross3 = z3 &* -fix1p961570560 &+ z5
    let cross4 = z4 &* -fix0p390180644 &+ z5
    let odd0 = x7 &* fix0p298631336 &+ cross1 &+ cross3
    let odd1 = x5 &* fix2p053119869 &+ cross2 &+ cross4
    let odd2 = x3 &* fix3p072711026 &+ cross2 &+ cross3
    let odd3 = x1 &* fix1p501321110 &+ cross1 &+ cross4
    return (
      sum10 &+ odd3, sum11 &+ odd2, sum12 &+ odd1, sum13 &+ odd0,
      sum13 &- odd0, sum12 &- odd1, sum11 &- odd2, sum10 &- odd3
    )
  }

  /// `transformReduced` for 4×4 (decoding at half size, the scale photos for training take):
  /// the same integer sums, unrolled, with the basis read through one pointer and the clamp
  /// inlined (it lives in this file). Wrapping 32-bit sums and exact 64-bit ones give the same
  /// results in any order, so the samples are those of `transformReduced`, as the tests check.
  static func transformReduced4(
    _ block: UnsafePointer<Int16>, steps: UnsafePointer<Int32>, workspace: UnsafeMutablePointer<Int32>,
    into output: UnsafeMutablePointer<UInt8>, stride: Int
  ) {
    reducedBasis4.withUnsafeBufferPointer { basis in
      let b = basis.baseAddress!
      // Columns: workspace[y · 4 + u] = Σ_v basis[y][v] · F(v, u).
      for u in 0..<4 {
        let f0 = Int32(block[u]) &* steps[u]
        let f1 = Int32(block[8 &+ u]) &* steps[8 &+ u]
        let f2 = Int32(block[16 &+ u]) &* steps[16 &+ u]
        let f3 = Int32(block[24 &+ u]) &* steps[24 &+ u]
        for y in 0..<4 {
          let row = b + y &* 4
          workspace[y &* 4 &+ u] = row[0] &* f0 &+ row[1] &* f1 &+ row[2] &* f2 &+ row[3] &* f3
        }
      }
      // Rows, then the 2^26 scale off.
      let shift = Int64(2 * constantBits)
      let rounding: Int64 = 1 << (shift - 1)
      for y in 0..<4 {
        let w = workspace + y &* 4
        let (w0, w1, w2, w3) = (Int64(w[0]), Int64(w[1]), Int64(w[2]), Int64(w[3]))
        for x in 0..<4 {
          let row = b + x &* 4
          let sum = Int64(row[0]) &* w0 &+ Int64(row[1]) &* w1 &+ Int64(row[2]) &* w2 &+ Int64(row[3]) &* w3
          output[y &* stride &+ x] = clamp(Int32(truncatingIfNeeded: (sum &+ rounding) >> shift))
        }
      }
    }
  }

  /// A level-shifted sample from a transformed value, clamped as libjpeg's range-limit table
  /// does: the value is taken modulo 1024 as a signed 10-bit number, then 128 is added and the
  /// result clamped to 0…255 (so wildly out-of-range values from damaged data wrap).
  @inline(__always)
  static func clamp(_ value: Int32) -> UInt8 {
    let wrapped = ((value & 1023) ^ 512) - 512 + 128
    return UInt8(truncatingIfNeeded: wrapped < 0 ? 0 : (wrapped > 255 ? 255 : wrapped))
  }
}
