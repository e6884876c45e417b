extension Tensor {
  /// Returns the same values arranged in a new shape; one size may be −1, meaning "whatever is
  /// left", as in NumPy.
  ///
  ///     images.reshaped(to: [32, -1]).shape   // [32, 3072] for a batch of 32×32×3 images
  ///
  /// - Precondition: the new shape holds as many values as the tensor.
  public func reshaped(to newShape: [Int]) -> Tensor {
    var copy = self
    copy.reshape(to: newShape)
    return copy
  }

  /// Arranges the same values in a new shape; one size may be −1. See `reshaped(to:)`.
  public mutating func reshape(to newShape: [Int]) {
    shape = resolvedShape(newShape)
  }

  /// Returns the tensor with a new axis of size 1 inserted at `axis` (NumPy's `expand_dims`).
  ///
  ///     image.expandingDimension(at: 0).shape    // [1, 32, 32, 3]: a batch of one image
  ///     gray.expandingDimension(at: -1).shape    // [28, 28, 1]: a channel axis
  public func expandingDimension(at axis: Int) -> Tensor {
    let position = normalizedAxis(axis, rank: rank + 1)
    var newShape = shape
    newShape.insert(1, at: position)
    return Tensor(shape: newShape, scalars: scalars)
  }

  private func resolvedShape(_ requested: [Int]) -> [Int] {
    let unknown = requested.indices.filter { requested[$0] == -1 }
    precondition(unknown.count <= 1, "A new shape can leave at most one size as -1: \(requested)")
    precondition(
      requested.allSatisfy { $0 >= -1 }, "A new shape cannot have a negative size: \(requested)")
    var resolved = requested
    if let position = unknown.first {
      let known = requested.filter { $0 != -1 }.reduce(1, *)
      precondition(
        known > 0 && scalarCount % known == 0,
        "Cannot reshape a tensor of shape \(shape) (\(scalarCount) values) to \(requested)")
      resolved[position] = scalarCount / known
    }
    precondition(
      resolved.reduce(1, *) == scalarCount,
      "Cannot reshape a tensor of shape \(shape) (\(scalarCount) values) to \(requested) (\(resolved.reduce(1, *)) values)"
    )
    return resolved
  }
}
