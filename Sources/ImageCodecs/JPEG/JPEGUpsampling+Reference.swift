// The plain per-sample forms of the triangle upsamplers: each output sample computed on its own
// from its nearest input sample and the next nearest, clamped at the edges. The row-wise
// versions in `JPEGUpsampling.swift` must give the same bytes; the tests check that.

extension JPEGUpsampling {
  /// Doubles the width with the triangle filter (libjpeg's h2v1_fancy_upsample).
  static func referenceTriangleH2V1(
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
  static func referenceTriangleH1V2(
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
  static func referenceTriangleH2V2(
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
}
