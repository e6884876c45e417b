import Foundation

// Scaled decoding in the DCT domain: an N×N block of output from the top-left N×N coefficients
// of an 8×8 block (N = 4, 2 or 1), for `djpeg -scale 1/2, 1/4, 1/8`-style decoding.
//
// Keeping the lowest N frequencies and evaluating them at N points per side gives each output
// sample about the mean of the (8/N)² pixels it stands for. The 8-point normalisation is kept,
// so the DC term alone gives the block mean, DC/8, exactly as libjpeg's 1×1 IDCT does.

extension JPEGIDCT {
  /// cos((2x + 1)uπ / 2N) · C(u) / 2 · 2^13 for N = 4 (index `x * 4 + u`), C(0) = 1/√2, C(u>0) = 1.
  static let reducedBasis4 = reducedBasis(size: 4)
  /// The same for N = 2 (index `x * 2 + u`).
  static let reducedBasis2 = reducedBasis(size: 2)

  /// Writes an N×N block (N = `size`, 1, 2 or 4) of samples from the top-left N×N coefficients
  /// of `block`, dequantised with `steps`, rows `stride` apart. `workspace` is 64 `Int32`s.
  static func transformReduced(
    _ block: UnsafePointer<Int16>, steps: UnsafePointer<Int32>, size: Int,
    workspace: UnsafeMutablePointer<Int32>, into output: UnsafeMutablePointer<UInt8>, stride: Int
  ) {
    if size == 1 {
      // libjpeg's jpeg_idct_1x1: the mean is DC/8, rounded.
      output[0] = clamp((Int32(block[0]) &* steps[0] &+ 4) >> 3)
      return
    }
    let basis = size == 4 ? reducedBasis4 : reducedBasis2
    // Columns: workspace[y * size + u] = Σ_v basis[y][v] · F(v, u), kept at 2^13 scale.
    for u in 0..<size {
      for y in 0..<size {
        var sum: Int32 = 0
        for v in 0..<size {
          sum &+= basis[y * size + v] &* (Int32(block[v * 8 + u]) &* steps[v * 8 + u])
        }
        workspace[y * size + u] = sum
      }
    }
    // Rows, then drop the 2^26 fixed-point scale of the two basis factors (which already hold
    // the DCT's 1/4 · C(u) · C(v)).
    let shift: Int32 = 2 * constantBits
    let rounding: Int32 = 1 << (shift - 1)
    for y in 0..<size {
      for x in 0..<size {
        var sum: Int64 = 0
        for u in 0..<size {
          sum += Int64(basis[x * size + u]) * Int64(workspace[y * size + u])
        }
        output[y * stride + x] = clamp(Int32(truncatingIfNeeded: (sum + Int64(rounding)) >> Int64(shift)))
      }
    }
  }

  /// The fixed-point basis table of an N-point inverse DCT with the 8-point normalisation.
  private static func reducedBasis(size: Int) -> [Int32] {
    var table = [Int32](repeating: 0, count: size * size)
    for x in 0..<size {
      for u in 0..<size {
        let scale = u == 0 ? 1 / 2.0.squareRoot() : 1
        let cosine = cos(Double((2 * x + 1) * u) * Double.pi / Double(2 * size))
        table[x * size + u] = Int32((scale * cosine / 2 * Double(1 << constantBits)).rounded())
      }
    }
    return table
  }
}
