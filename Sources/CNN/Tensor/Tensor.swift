/// An n-dimensional array of `Float` values, stored contiguously in row-major order.
///
/// Images are `[N, H, W, C]`: a batch of `N` images, `H` rows, `W` columns and `C` channels,
/// channels last as in Keras. A `Tensor` is a value: copying one and changing the copy leaves the
/// original alone.
///
///     let batch = Tensor(zeros: [32, 32, 32, 3])   // 32 colour images of 32×32 pixels
///     batch.shape                                  // [32, 32, 32, 3]
///     batch[0].shape                               // [32, 32, 3]: the first image
///     let scaled = batch / 255                     // pixel values from 0...255 to 0...1
public struct Tensor: Sendable {
  /// The size of each axis, outermost first: `[N, H, W, C]` for a batch of images.
  public internal(set) var shape: [Int]

  /// Every value, in row-major order (the last axis varies fastest).
  public internal(set) var scalars: [Float]

  /// Creates a tensor with the given shape from its values in row-major order.
  ///
  /// - Precondition: `scalars.count` is the product of `shape`.
  public init(shape: [Int], scalars: [Float]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "A tensor shape cannot have a negative size: \(shape)")
    precondition(
      scalars.count == shape.reduce(1, *),
      "A tensor of shape \(shape) holds \(shape.reduce(1, *)) values, but \(scalars.count) were given")
    self.shape = shape
    self.scalars = scalars
  }

  /// The number of axes: 4 for a batch of images, 2 for a batch of class probabilities.
  public var rank: Int { shape.count }

  /// The number of values the tensor holds: the product of its shape.
  public var scalarCount: Int { scalars.count }

  /// The only value of a tensor that holds exactly one, such as `predictions[0, 2]` or a loss.
  ///
  /// - Precondition: the tensor holds exactly one value.
  public var scalar: Float {
    precondition(scalars.count == 1, "scalar needs a tensor with one value; this one has shape \(shape)")
    return scalars[0]
  }
}

extension Tensor: Equatable {
  /// Two tensors are equal when their shapes and every value are equal.
  public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
    lhs.shape == rhs.shape && lhs.scalars == rhs.scalars
  }
}

// MARK: - Shape helpers shared by the tensor files

extension Tensor {
  /// Turns a possibly negative axis (−1 is the last) into an index in `0..<rank`.
  func normalizedAxis(_ axis: Int, rank: Int? = nil, function: String = #function) -> Int {
    let rank = rank ?? self.rank
    let normalized = axis < 0 ? axis + rank : axis
    precondition(
      (0..<rank).contains(normalized),
      "\(function): axis \(axis) is out of range for a tensor of rank \(rank) (shape \(shape))")
    return normalized
  }

  /// The number of values in one item along the first axis: 32·32·3 for a batch of images.
  var itemScalarCount: Int { shape.dropFirst().reduce(1, *) }
}
