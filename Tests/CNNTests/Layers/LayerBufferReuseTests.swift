import CNNTestSupport
import Testing

@testable import CNN

/// In training, a layer writes each step's output into the memory of its last one, once the
/// backward pass has let go of it; and reuse never changes a tensor someone still holds.
@Suite(.isolatedSession) struct LayerBufferReuseTests {
  /// Layers that keep their output's memory from step to step, with an input shape.
  static let layers: [(name: String, make: @Sendable () -> Layer, inputShape: [Int])] = [
    ("Conv2D relu", { Conv2D(filters: 4, kernelSize: 3, activation: .relu) }, [6, 6, 2]),
    ("Conv2D linear", { Conv2D(filters: 4, kernelSize: 3, padding: .same) }, [5, 5, 3]),
    ("Dense relu", { Dense(units: 6, activation: .relu) }, [7]),
    ("Dense softmax", { Dense(units: 3, activation: .softmax) }, [7]),
    ("MaxPooling2D", { MaxPooling2D(poolSize: 2) }, [6, 6, 3]),
    ("Dropout", { Dropout(rate: 0.5, seed: 1) }, [10]),
    ("Rescaling", { Rescaling(scale: 0.5) }, [4, 4, 3]),
  ]

  /// One training step of `layer` on `input`: forward, then backward with an all-ones gradient.
  /// Returns where the output was stored.
  func trainingStep(_ layer: Layer, _ input: Tensor) -> UnsafePointer<Float>? {
    let output = layer.forward(input, training: true)
    let start = baseAddress(output.scalars)
    _ = layer.backward(Tensor(repeating: 1, shape: output.shape))
    return start
  }

  @Test(arguments: layers.indices)
  func aTrainingStepWritesIntoTheMemoryOfTheStepBefore(index: Int) throws {
    let (name, make, inputShape) = Self.layers[index]
    let layer = make()
    try layer.build(inputShape: inputShape)
    let input = distinctValues([3] + inputShape)
    let first = trainingStep(layer, input)
    // Had the layer let go of its output, this array of the same size would likely take its place.
    let newcomer = [Float](repeating: 0, count: try layer.outputShape(for: inputShape).reduce(3, *))
    let second = trainingStep(layer, input)
    #expect(first == second, "\(name)")
    #expect(baseAddress(newcomer) != first)
  }

  /// In training and in inference (validating batch after batch), a layer never writes into
  /// the memory of an output someone still holds.
  @Test(arguments: layers.indices, [true, false])
  func anOutputStillHeldIsNeverOverwritten(index: Int, training: Bool) throws {
    let (name, make, inputShape) = Self.layers[index]
    let layer = make()
    try layer.build(inputShape: inputShape)
    let kept = layer.forward(distinctValues([3] + inputShape, seed: 1), training: training)
    let copy = Tensor(shape: kept.shape, scalars: Array(kept.scalars))
    if training { _ = layer.backward(Tensor(repeating: 1, shape: kept.shape)) }
    let next = layer.forward(distinctValues([3] + inputShape, seed: 2), training: training)
    #expect(kept == copy, "\(name)")
    #expect(next != kept, "\(name)")
  }

  /// In inference a layer does not hold on to its input, which it will not differentiate: the
  /// layer before then writes its next output (the next validation batch's) into the same memory.
  @Test(arguments: ["Conv2D", "Dense"])
  func inInferenceALayerLetsTheLayerBeforeReuseItsOutput(_ name: String) throws {
    let pool = MaxPooling2D(poolSize: 2)
    try pool.build(inputShape: [6, 6, 3])
    let layer: Layer = name == "Conv2D" ? Conv2D(filters: 2, kernelSize: 2) : Dense(units: 2)
    try layer.build(inputShape: name == "Conv2D" ? [3, 3, 3] : [27])
    var addresses: [UnsafePointer<Float>?] = []
    for seed in [1, 2] as [UInt64] {
      let pooled = pool.forward(distinctValues([2, 6, 6, 3], seed: seed), training: false)
      addresses.append(baseAddress(pooled.scalars))
      _ = layer.forward(name == "Conv2D" ? pooled : pooled.reshaped(to: [2, 27]), training: false)
    }
    #expect(addresses[0] == addresses[1], "\(name)")
  }

  /// A ReLU layer followed by a max pooling lets go of its output once the pooling has read it
  /// in training (the pooling applies ReLU's derivative), and its next output takes the memory
  /// of the gradient of the same size.
  @Test func aReLUOutputReadByAMaxPoolingIsLetGoOfInTraining() throws {
    let convolution = Conv2D(filters: 4, kernelSize: 3, activation: .relu)
    let model = try Sequential {
      Input(shape: [8, 8, 2])
      convolution
      MaxPooling2D(poolSize: 2)
      Flatten()
      Dense(units: 2, activation: .softmax)
    }
    model.compile(optimizer: .sgd(), loss: .sparseCategoricalCrossentropy)
    let images = distinctValues([3, 8, 8, 2])
    _ = model.forward(images, training: false)
    #expect(convolution.keptOutput != nil, "inference: no pooling backward to rely on")
    _ = model.forward(images, training: true)
    #expect(convolution.keptOutput == nil)
  }
}
