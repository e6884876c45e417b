extension Tensor {
  /// Creates a tensor of the given shape filled with zeros.
  ///
  ///     Tensor(zeros: [2, 3])   // [[0, 0, 0], [0, 0, 0]]
  public init(zeros shape: [Int]) {
    self.init(repeating: 0, shape: shape)
  }

  /// Creates a tensor of the given shape filled with ones.
  public init(ones shape: [Int]) {
    self.init(repeating: 1, shape: shape)
  }

  /// Creates a tensor of the given shape with every value set to `value`.
  public init(repeating value: Float, shape: [Int]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "A tensor shape cannot have a negative size: \(shape)")
    self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
  }

  /// Creates a rank-1 tensor from a list of values.
  ///
  ///     Tensor([0.1, 0.7, 0.2]).shape   // [3]
  public init(_ values: [Float]) {
    self.init(shape: [values.count], scalars: values)
  }

  /// Creates a rank-2 tensor from rows of equal length.
  ///
  ///     Tensor([[1, 2, 3], [4, 5, 6]]).shape   // [2, 3]
  public init(_ rows: [[Float]]) {
    let width = rows.first?.count ?? 0
    precondition(rows.allSatisfy { $0.count == width }, "Every row of a tensor needs the same length")
    self.init(shape: [rows.count, width], scalars: rows.flatMap { $0 })
  }

  /// Creates a rank-3 tensor from nested arrays of equal lengths, such as one grayscale image.
  public init(_ planes: [[[Float]]]) {
    let inner = planes.map(Tensor.init(_:) as ([[Float]]) -> Tensor)
    self.init(stacking: inner, emptyShape: [0, 0, 0])
  }

  /// Creates a rank-4 tensor from nested arrays of equal lengths, such as a batch of images.
  public init(_ blocks: [[[[Float]]]]) {
    let inner = blocks.map(Tensor.init(_:) as ([[[Float]]]) -> Tensor)
    self.init(stacking: inner, emptyShape: [0, 0, 0, 0])
  }

  /// Creates a tensor of labels from class indices: `Tensor(labels: [2, 0, 1])` has shape `[3]`.
  public init(labels: [Int]) {
    self.init(shape: [labels.count], scalars: labels.map(Float.init))
  }

  /// Creates a tensor by stacking tensors of one shape along a new first axis.
  ///
  ///     Tensor(stacking: [image1, image2]).shape   // [2, 32, 32, 3]
  ///
  /// - Precondition: every tensor has the same shape.
  public init(stacking tensors: [Tensor]) {
    self.init(stacking: tensors, emptyShape: [0])
  }

  /// Creates a tensor by joining tensors end to end along their first axis, as NumPy's
  /// `concatenate`: the batches of a dataset become one tensor of every image.
  ///
  ///     let testImages = Tensor(concatenating: testSet.map(\.images))   // [1000, 28, 28, 1]
  ///
  /// - Precondition: the tensors have at least one axis and agree on every axis but the first.
  public init(concatenating tensors: [Tensor]) {
    guard let first = tensors.first else {
      self.init(zeros: [0])
      return
    }
    let itemShape = Array(first.shape.dropFirst())
    precondition(
      first.rank >= 1 && tensors.allSatisfy { Array($0.shape.dropFirst()) == itemShape },
      "Tensors joined end to end need the same shape after the first axis; got \(tensors.map(\.shape))")
    var scalars: [Float] = []
    scalars.reserveCapacity(tensors.reduce(0) { $0 + $1.scalarCount })
    for tensor in tensors { scalars += tensor.scalars }
    self.init(shape: [tensors.reduce(0) { $0 + $1.shape[0] }] + itemShape, scalars: scalars)
  }

  private init(stacking tensors: [Tensor], emptyShape: [Int]) {
    guard let first = tensors.first else {
      self.init(zeros: emptyShape)
      return
    }
    precondition(
      tensors.allSatisfy { $0.shape == first.shape },
      "Tensors stacked together need one shape; got \(Set(tensors.map { $0.shape }).map { "\($0)" }.sorted())")
    var scalars: [Float] = []
    scalars.reserveCapacity(first.scalarCount * tensors.count)
    for tensor in tensors { scalars += tensor.scalars }
    self.init(shape: [tensors.count] + first.shape, scalars: scalars)
  }

  /// Creates a tensor of values drawn uniformly from `range`.
  ///
  /// - Parameters:
  ///   - seed: fixes the values; `nil` draws from the process-wide generator that
  ///     `setRandomSeed(_:)` controls.
  public init(randomUniform shape: [Int], in range: ClosedRange<Float> = 0...1, seed: UInt64? = nil) {
    let count = shape.reduce(1, *)
    let width = range.upperBound - range.lowerBound
    let scalars = Tensor.drawing(count: count, seed: seed) { generator in
      range.lowerBound + width * generator.nextUniform()
    }
    self.init(shape: shape, scalars: scalars)
  }

  /// Creates a tensor of values drawn from a normal distribution.
  ///
  /// - Parameters:
  ///   - seed: fixes the values; `nil` draws from the process-wide generator.
  public init(randomNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1, seed: UInt64? = nil) {
    let scalars = Tensor.drawing(count: shape.reduce(1, *), seed: seed) { generator in
      generator.nextNormal(mean: mean, standardDeviation: standardDeviation)
    }
    self.init(shape: shape, scalars: scalars)
  }

  private static func drawing(
    count: Int, seed: UInt64?, _ draw: (inout RandomGenerator) -> Float
  ) -> [Float] {
    func fill(_ generator: inout RandomGenerator) -> [Float] {
      (0..<count).map { _ in draw(&generator) }
    }
    if let seed {
      var generator = RandomGenerator(seed: seed)
      return fill(&generator)
    }
    return GlobalRandom.current.withGenerator(fill)
  }
}
