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
  /// Returns `plane` stretched by `horizontal` × `vertical` (whole numbers) to a plane of
  /// `width × height`; `fancy` picks the triangle filter where libjpeg has one.
  static func upsample(_ plane: JPEGPlane, horizontal: Int, vertical: Int, width: Int, height: Int, fancy: Bool)
    -> JPEGPlane
  {
    var output = JPEGPlane(stride: width, rowCount: height, width: width, height: height)
    plane.samples.withUnsafeBufferPointer { input in
      output.samples.withUnsafeMutableBufferPointer { out in
        switch (horizontal, vertical, fancy) {
        case (2, 1, true): triangleH2V1(plane, input, out, width: width, height: height)
        case (2, 2, true): triangleH2V2(plane, input, out, width: width, height: height)
        case (1, 2, true): triangleH1V2(plane, input, out, width: width, height: height)
        default: replicate(plane, input, out, horizontal: horizontal, vertical: vertical, width: width, height: height)
        }
      }
    }
    return output
  }

  /// Repeats each sample `horizontal × vertical` times (libjpeg's int_upsample), and crops.
  static func replicate(
    _ plane: JPEGPlane, _ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>,
    horizontal: Int, vertical: Int, width: Int, height: Int
  ) {
    for y in 0..<height {
      let source = (y / vertical) * plane.stride
      for x in 0..<width {
        out[y * width + x] = input[source + x / horizontal]
      }
    }
  }

  /// Doubles the width with the triangle filter (libjpeg's h2v1_fancy_upsample).
  static func triangleH2V1(
    _ plane: JPEGPlane, _ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>,
    width: Int, height: Int
  ) {
    let last = plane.width - 1
    for y in 0..<height {
      let row = y * plane.stride
      for x in 0..<width {
        let nearest = x >> 1
        let neighbour = x & 1 == 0 ? max(nearest - 1, 0) : min(nearest + 1, last)
        let bias = x & 1 == 0 ? 1 : 2
        out[y * width + x] = UInt8((Int(input[row + nearest]) * 3 + Int(input[row + neighbour]) + bias) >> 2)
      }
    }
  }

  /// Doubles the height with the triangle filter (libjpeg-turbo's h1v2_fancy_upsample).
  static func triangleH1V2(
    _ plane: JPEGPlane, _ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>,
    width: Int, height: Int
  ) {
    for y in 0..<height {
      let (row, neighbourRow, bias) = verticalNeighbours(y, plane)
      for x in 0..<width {
        out[y * width + x] = UInt8((Int(input[row + x]) * 3 + Int(input[neighbourRow + x]) + bias) >> 2)
      }
    }
  }

  /// Doubles width and height with the triangle filter (libjpeg's h2v2_fancy_upsample): a
  /// vertical 3:1 blend into column sums, then a horizontal 3:1 blend of those sums.
  static func triangleH2V2(
    _ plane: JPEGPlane, _ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>,
    width: Int, height: Int
  ) {
    let last = plane.width - 1
    for y in 0..<height {
      let (row, neighbourRow, _) = verticalNeighbours(y, plane)
      @inline(__always) func columnSum(_ column: Int) -> Int {
        Int(input[row + column]) * 3 + Int(input[neighbourRow + column])
      }
      for x in 0..<width {
        let nearest = x >> 1
        let neighbour = x & 1 == 0 ? max(nearest - 1, 0) : min(nearest + 1, last)
        let bias = x & 1 == 0 ? 8 : 7
        out[y * width + x] = UInt8((columnSum(nearest) * 3 + columnSum(neighbour) + bias) >> 4)
      }
    }
  }

  /// For output row `y` of a vertical doubling: the offsets of the nearest input row and of
  /// the next nearest (the row itself at the top and bottom edges), and libjpeg's rounding bias
  /// for the 1×2 filter (1 for upper rows, 2 for lower).
  @inline(__always)
  private static func verticalNeighbours(_ y: Int, _ plane: JPEGPlane) -> (Int, Int, Int) {
    let nearest = y >> 1
    let neighbour = y & 1 == 0 ? max(nearest - 1, 0) : min(nearest + 1, plane.height - 1)
    return (nearest * plane.stride, neighbour * plane.stride, y & 1 == 0 ? 1 : 2)
  }
}
