/// Randomly switches off a fraction `rate` of its inputs during training, so the network cannot
/// rely on any single feature: a simple, effective defence against overfitting. The values kept
/// are scaled by `1 / (1 − rate)` so their sum stays about the same; outside training (evaluate,
/// predict) the layer passes everything through unchanged.
///
/// - Input and output shape: the same, any.
/// - No parameters.
///
///     Dropout(rate: 0.5)   // during training, half the values become 0 and the rest double
public final class Dropout: Layer {
  /// The fraction of values set to zero during training, in `0..<1`.
  public let rate: Float
  /// The seed of this layer's own random generator, or nil to draw one from the process-wide
  /// generator when the layer is built.
  public let seed: UInt64?

  private var generator = RandomGenerator(seed: 0)
  private var isMasking = false
  private var mask = ReusedStorage<Float>()
  private var outputs = ReusedStorage<Float>()

  /// Creates a dropout layer that drops `rate` of its inputs during training.
  public init(rate: Float, seed: UInt64? = nil, name: String? = nil) {
    self.rate = rate
    self.seed = seed
    super.init(className: "Dropout", name: name)
    if !(rate >= 0 && rate < 1) {
      checkArguments(
        .invalidArgument(
          layer: self.name, argument: "rate", value: "\(rate)",
          requirement: "at least 0 and less than 1 (the fraction of values dropped; 0.5 drops half)"))
    }
  }

  override func createState(for inputShape: [Int]) -> [Variable] {
    generator = RandomGenerator(seed: seed ?? GlobalRandom.current.nextSeed())
    return []
  }

  override func forward(_ input: Tensor, training: Bool) -> Tensor {
    isMasking = training && rate > 0
    guard isMasking else { return input }
    let scale = 1 / (1 - rate)
    var mask = overwritableArray(count: input.scalarCount, reusing: self.mask.take())
    var output = overwritableArray(count: input.scalarCount, reusing: outputs.take())
    for i in mask.indices {
      mask[i] = generator.nextUniform() >= rate ? scale : 0
      output[i] = input.scalars[i] * mask[i]
    }
    self.mask.keep(mask)
    outputs.keep(output)
    return Tensor(shape: input.shape, scalars: output)
  }

  /// Masks the output gradient in its own memory.
  override func backward(_ outputGradient: consuming Tensor) -> Tensor {
    guard isMasking else { return outputGradient }
    let mask = self.mask.kept
    var gradient = outputGradient
    gradient.scalars.withUnsafeMutableBufferPointer { values in
      for index in values.indices { values[index] *= mask[index] }
    }
    return gradient
  }

  override var argumentsConfig: JSONObject {
    [
      "rate": .number(Double(rate)), "seed": seed.map { .integer(Int(truncatingIfNeeded: $0)) } ?? nil,
      "noise_shape": nil,
    ]
  }
}
