extension Tensor {
  /// Accesses one item along the first axis: `batch[0]` is the first image of a batch, with the
  /// batch axis removed (`[32, 32, 3]` from `[N, 32, 32, 3]`).
  public subscript(index: Int) -> Tensor {
    get {
      let range = itemRange(index)
      return Tensor(shape: Array(shape.dropFirst()), scalars: Array(scalars[range]))
    }
    set {
      let range = itemRange(index)
      precondition(
        newValue.shape == Array(shape.dropFirst()),
        "Cannot store a tensor of shape \(newValue.shape) as item \(index) of a tensor of shape \(shape)")
      scalars.replaceSubrange(range, with: newValue.scalars)
    }
  }

  /// Returns a run of items along the first axis: `images[0..<9]` is the first nine images.
  public subscript(range: Range<Int>) -> Tensor {
    precondition(rank >= 1, "A scalar tensor has no items to slice")
    precondition(
      range.lowerBound >= 0 && range.upperBound <= shape[0],
      "Items \(range) are out of range for a tensor of shape \(shape)")
    let size = itemScalarCount
    let values = Array(scalars[(range.lowerBound * size)..<(range.upperBound * size)])
    return Tensor(shape: [range.count] + shape.dropFirst(), scalars: values)
  }

  /// Accesses one value by its full index, one number per axis: `images[0, 5, 7, 2]` is the
  /// blue value of the pixel in row 5, column 7 of the first image.
  public subscript(first: Int, second: Int, rest: Int...) -> Float {
    get { scalars[offset(of: [first, second] + rest)] }
    set { scalars[offset(of: [first, second] + rest)] = newValue }
  }

  /// Returns the items at the given positions along the first axis, in that order.
  ///
  ///     images.gathering([3, 0])   // the fourth and then the first image
  public func gathering(_ indices: [Int]) -> Tensor {
    let size = itemScalarCount
    var values = [Float]()
    values.reserveCapacity(indices.count * size)
    for index in indices {
      values += scalars[itemRange(index)]
    }
    return Tensor(shape: [indices.count] + shape.dropFirst(), scalars: values)
  }

  /// The position in `scalars` of the value at a full index, one number per axis.
  func offset(of index: [Int]) -> Int {
    precondition(
      index.count == rank, "An index into a tensor of shape \(shape) needs \(rank) numbers, not \(index.count)")
    var offset = 0
    for (axis, i) in index.enumerated() {
      precondition((0..<shape[axis]).contains(i), "Index \(index) is out of range for a tensor of shape \(shape)")
      offset = offset * shape[axis] + i
    }
    return offset
  }

  private func itemRange(_ index: Int) -> Range<Int> {
    precondition(rank >= 1, "A scalar tensor has no items to index")
    precondition(
      (0..<shape[0]).contains(index), "Item \(index) is out of range for a tensor of shape \(shape)")
    let size = itemScalarCount
    return (index * size)..<((index + 1) * size)
  }
}
