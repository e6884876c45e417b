// Chroma upsampling: stretching a subsampled component to the output size, as libjpeg-turbo's
// jdsample.c does with "fancy" upsampling on (djpeg's default).
//
// - 2×1 and 2×2: triangle filters. Each output sample is 3/4 of its nearest input sample and
//   1/4 of the next nearest (per direction), with libjpeg's alternating rounding biases so
//   results match it exactly.
// - 1×2: the vertical half of the same filter.
// - Any other whole-number ratio (4:1:1's 4×1, for example) and all ratios at 1/8 scale:
//   each sample is repeated (box filter), as libjpeg does.
// Edges repeat the outermost real sample (row or column), not the padding decoded beyond it.

/// Upsamplers from a component's plane to the output size.
enum JPEGUpsampling {
  /// Writes output rows `rows` of `plane` stretched by `horizontal` × `vertical` (whole
  /// numbers, not both 1) to `width` columns into `strip`, whose row 0 is `rows.lowerBound`;
  /// `fancy` picks the triangle filter where libjpeg has one.
  static func upsample(
    _ plane: JPEGPlane, horizontal: Int, vertical: Int, width: Int, rows: Range<Int>, fancy: Bool,
    into strip: inout JPEGPlane
  ) {
    precondition(strip.stride == width && strip.rowCount >= rows.count)
    plane.samples.withUnsafeBufferPointer { input in
      strip.samples.withUnsafeMutableBufferPointer { out in
        switch (horizontal, vertical, fancy) {
        case (2, 1, true): triangleH2V1(plane, input, out, width: width, rows: rows)
        case (2, 2, true): triangleH2V2(plane, input, out, width: width, rows: rows)
        case (1, 2, true): triangleH1V2(plane, input, out, width: width, rows: rows)
        default: replicate(plane, input, out, horizontal: horizontal, vertical: vertical, width: width, rows: rows)
        }
      }
    }
  }

  /// Repeats each sample `horizontal × vertical` times (libjpeg's int_upsample), and crops.
  static func replicate(
    _ plane: JPEGPlane, _ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>,
    horizontal: Int, vertical: Int, width: Int, rows: Range<Int>
  ) {
    for y in rows {
      let source = (y / vertical) * plane.stride
      let target = (y - rows.lowerBound) * width
      for x in 0..<width {
        out[target + x] = input[source + x / horizontal]
      }
    }
  }

  /// Doubles the width with the triangle filter (libjpeg's h2v1_fancy_upsample), row by row.
  static func triangleH2V1(
    _ plane: JPEGPlane, _ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>,
    width: Int, rows: Range<Int>
  ) {
    var sums = [Int32](repeating: 0, count: plane.width)
    var row = [UInt8](repeating: 0, count: 2 * plane.width)
    for y in rows {
      for x in 0..<plane.width {
        sums[x] = Int32(input[y * plane.stride + x])
      }
      blendHorizontally(sums, into: &row, shift: 2, evenBias: 1, oddBias: 2)
      copy(row, width: width, into: out, at: (y - rows.lowerBound) * width)
    }
  }

  /// Doubles the height with the triangle filter (libjpeg-turbo's h1v2_fancy_upsample).
  static func triangleH1V2(
    _ plane: JPEGPlane, _ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>,
    width: Int, rows: Range<Int>
  ) {
    for y in rows {
      let (row, neighbourRow, bias) = verticalNeighbours(y, plane)
      let target = (y - rows.lowerBound) * width
      for x in 0..<width {
        out[target + x] = UInt8(
          truncatingIfNeeded: (Int32(input[row + x]) * 3 + Int32(input[neighbourRow + x]) + Int32(bias)) >> 2)
      }
    }
  }

  /// Doubles width and height with the triangle filter (libjpeg's h2v2_fancy_upsample): a
  /// vertical 3:1 blend into column sums, then a horizontal 3:1 blend of those sums, row by row.
  static func triangleH2V2(
    _ plane: JPEGPlane, _ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>,
    width: Int, rows: Range<Int>
  ) {
    var sums = [Int32](repeating: 0, count: plane.width)
    var row = [UInt8](repeating: 0, count: 2 * plane.width)
    for y in rows {
      let (nearest, neighbour, _) = verticalNeighbours(y, plane)
      for x in 0..<plane.width {
        sums[x] = Int32(input[nearest + x]) * 3 + Int32(input[neighbour + x])
      }
      blendHorizontally(sums, into: &row, shift: 4, evenBias: 8, oddBias: 7)
      copy(row, width: width, into: out, at: (y - rows.lowerBound) * width)
    }
  }

  // MARK: - Private helpers

  /// For output row `y` of a vertical doubling: the offsets of the nearest input row and of
  /// the next nearest (the row itself at the top and bottom edges), and libjpeg's rounding bias
  /// for the 1×2 filter (1 for upper rows, 2 for lower).
  @inline(__always)
  static func verticalNeighbours(_ y: Int, _ plane: JPEGPlane) -> (Int, Int, Int) {
    let nearest = y >> 1
    let neighbour = y & 1 == 0 ? max(nearest - 1, 0) : min(nearest + 1, plane.height - 1)
    return (nearest * plane.stride, neighbour * plane.stride, y & 1 == 0 ? 1 : 2)
  }

  /// The horizontal half of the triangle filter: output 2i is (3·sums[i] + sums[i−1] + evenBias)
  /// >> shift and output 2i+1 is (3·sums[i] + sums[i+1] + oddBias) >> shift, the edge sums
  /// standing in for their missing neighbours.
  @inline(__always)
  private static func blendHorizontally(
    _ sums: [Int32], into row: inout [UInt8], shift: Int32, evenBias: Int32, oddBias: Int32
  ) {
    let last = sums.count - 1
    sums.withUnsafeBufferPointer { sums in
      row.withUnsafeMutableBufferPointer { row in
        // The sums are at most 4 · 255 · 4, so the wrapping operators never wrap.
        row[0] = UInt8(truncatingIfNeeded: (sums[0] &* 4 &+ evenBias) >> shift)
        for i in 0..<last {
          let here = sums[i] &* 3
          let next = sums[i &+ 1]
          row[2 &* i &+ 1] = UInt8(truncatingIfNeeded: (here &+ next &+ oddBias) >> shift)
          row[2 &* i &+ 2] = UInt8(truncatingIfNeeded: (next &* 3 &+ sums[i] &+ evenBias) >> shift)
        }
        row[2 * last + 1] = UInt8(truncatingIfNeeded: (sums[last] &* 4 &+ oddBias) >> shift)
      }
    }
  }

  /// Copies the first `width` samples of `row` into `out` from `start`.
  @inline(__always)
  private static func copy(_ row: [UInt8], width: Int, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
    precondition(width <= row.count && start + width <= out.count)
    row.withUnsafeBufferPointer { row in
      (out.baseAddress! + start).update(from: row.baseAddress!, count: width)
    }
  }
}
