// Reductions: whole-tensor ones return a number; `axis:` ones return a tensor with that axis
// removed, as NumPy's `np.sum(x, axis=…)` does. Sums are accumulated in Double, so the result
// does not depend on how large the tensor is.

extension Tensor {
  /// Returns the sum of every value.
  public func sum() -> Float {
    Float(scalars.reduce(0.0) { $0 + Double($1) })
  }

  /// Returns the mean of every value, or NaN for an empty tensor.
  public func mean() -> Float {
    scalars.isEmpty ? .nan : Float(scalars.reduce(0.0) { $0 + Double($1) } / Double(scalars.count))
  }

  /// Returns the smallest value.
  ///
  /// - Precondition: the tensor is not empty.
  public func min() -> Float {
    precondition(!scalars.isEmpty, "min() of an empty tensor (shape \(shape)) is undefined")
    return scalars.min()!
  }

  /// Returns the largest value.
  ///
  /// - Precondition: the tensor is not empty.
  public func max() -> Float {
    precondition(!scalars.isEmpty, "max() of an empty tensor (shape \(shape)) is undefined")
    return scalars.max()!
  }

  /// Returns the sums along `axis`: `predictions.sum(axis: 1)` gives one total per image.
  public func sum(axis: Int) -> Tensor {
    reduced(along: axis) { values in Float(values.reduce(0.0) { $0 + Double($1) }) }
  }

  /// Returns the means along `axis`: `images.mean(axis: 0)` is the average image of a batch.
  public func mean(axis: Int) -> Tensor {
    reduced(along: axis) { values in Float(values.reduce(0.0) { $0 + Double($1) } / Double(values.count)) }
  }

  /// Returns the smallest values along `axis`.
  public func min(axis: Int) -> Tensor {
    reduced(along: axis) { $0.min() ?? .nan }
  }

  /// Returns the largest values along `axis`.
  public func max(axis: Int) -> Tensor {
    reduced(along: axis) { $0.max() ?? .nan }
  }

  /// Returns the position of the largest value along `axis`, for every position of the other
  /// axes in row-major order; ties go to the first.
  ///
  ///     let predictions = try model.predict(images)      // [N, 5] class probabilities
  ///     let labels = predictions.argmax(axis: -1)      // N class indices, each in 0..<5
  public func argmax(axis: Int = -1) -> [Int] {
    let axis = normalizedAxis(axis)
    let (outer, length, inner) = splitting(at: axis)
    precondition(length > 0, "argmax along an empty axis (shape \(shape)) is undefined")
    var result = [Int]()
    result.reserveCapacity(outer * inner)
    for o in 0..<outer {
      for i in 0..<inner {
        var best = 0
        var bestValue = scalars[o * length * inner + i]
        for k in 1..<length {
          let value = scalars[(o * length + k) * inner + i]
          if value > bestValue {
            best = k
            bestValue = value
          }
        }
        result.append(best)
      }
    }
    return result
  }

  /// Applies `reduce` to each run of values along `axis` and drops that axis.
  private func reduced(along axis: Int, _ reduce: ([Float]) -> Float) -> Tensor {
    let axis = normalizedAxis(axis)
    let (outer, length, inner) = splitting(at: axis)
    var result = [Float]()
    result.reserveCapacity(outer * inner)
    var run = [Float](repeating: 0, count: length)
    for o in 0..<outer {
      for i in 0..<inner {
        for k in 0..<length { run[k] = scalars[(o * length + k) * inner + i] }
        result.append(reduce(run))
      }
    }
    var newShape = shape
    newShape.remove(at: axis)
    return Tensor(shape: newShape, scalars: result)
  }

  /// The sizes before, along and after `axis`: the view of the tensor as `[outer, length, inner]`.
  private func splitting(at axis: Int) -> (outer: Int, length: Int, inner: Int) {
    (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
  }
}
