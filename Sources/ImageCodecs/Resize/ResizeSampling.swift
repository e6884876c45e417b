// Where each output row or column of a resize reads from, computed once per axis so that the
// per-pixel loop only looks things up. The arithmetic is TensorFlow's, in Float32 as TensorFlow
// does it (`tensorflow/core/util/image_resizer_state.h`, `kernels/image/resize_bilinear_op.cc`
// and `resize_nearest_neighbor_op.cc`), so that indices come out the same even where a
// coordinate lands exactly on a pixel boundary.

/// For one output position along an axis: the two input positions to blend and the weight of
/// the second.
struct ResizeSample: Equatable {
  /// The input index at or before the sampling point.
  let lower: Int
  /// The input index at or after it (equal to `lower` at the edges).
  let upper: Int
  /// How much of `upper` goes into the blend, 0 ≤ weight < 1.
  let weight: Float

  /// The scale TensorFlow uses for an axis of `inputCount` pixels resized to `outputCount`.
  static func scale(_ inputCount: Int, _ outputCount: Int) -> Float {
    Float(inputCount) / Float(outputCount)
  }

  /// The bilinear samples for each of `outputCount` positions over `inputCount` input pixels:
  /// `source = (i + 0.5) · scale − 0.5`, `lower = max(⌊source⌋, 0)`,
  /// `upper = min(⌈source⌉, inputCount − 1)`, `weight = source − ⌊source⌋`.
  static func bilinear(inputCount: Int, outputCount: Int) -> [ResizeSample] {
    let scale = scale(inputCount, outputCount)
    return (0..<outputCount).map { index in
      let source = (Float(index) + 0.5) * scale - 0.5
      let below = source.rounded(.down)
      return ResizeSample(
        lower: max(Int(below), 0), upper: min(Int(source.rounded(.up)), inputCount - 1), weight: source - below)
    }
  }

  /// The nearest-neighbour input index for each of `outputCount` positions:
  /// `min(⌊(i + 0.5) · scale⌋, inputCount − 1)`: the input pixel whose span holds the output
  /// pixel's centre. (TensorFlow 1's `align_corners=False` dropped the `+ 0.5`, which shifts the
  /// image by half a pixel.)
  static func nearest(inputCount: Int, outputCount: Int) -> [Int] {
    let scale = scale(inputCount, outputCount)
    return (0..<outputCount).map { index in
      min(max(Int(((Float(index) + 0.5) * scale).rounded(.down)), 0), inputCount - 1)
    }
  }
}
