import CNNTestSupport
import Testing

@testable import CNN

/// The whole backward pass of a model (the fused softmax or sigmoid with its loss, each layer's
/// backward, and the first layer skipping its input gradient) against central differences of the
/// loss with respect to every weight.
@Suite(.isolatedSession) struct ModelGradientTests {
  static let cases: [(String, Loss, ActivationFunction, Int)] = [
    ("softmax with sparse cross-entropy", .sparseCategoricalCrossentropy, .softmax, 3),
    ("logits with sparse cross-entropy", .sparseCategoricalCrossentropy(fromLogits: true), .linear, 3),
    ("sigmoid with binary cross-entropy", .binaryCrossentropy, .sigmoid, 1),
    ("mean squared error", .meanSquaredError, .tanh, 1),
  ]

  @Test(arguments: ModelGradientTests.cases)
  func everyWeightGradientMatchesCentralDifferences(
    _ description: String, _ loss: Loss, _ activation: ActivationFunction, _ units: Int
  ) throws {
    setRandomSeed(12)
    let model = try Sequential {
      Input(shape: [6, 5, 2])
      Conv2D(filters: 3, kernelSize: 3, padding: .same, activation: .tanh)
      AveragePooling2D(poolSize: 2)
      Flatten()
      Dense(units: units, activation: activation)
    }
    let images = Tensor(randomUniform: [3, 6, 5, 2], in: -1...1, seed: 1)
    let labels = units == 1 ? Tensor([1, 0, 1]) : Tensor(labels: [2, 0, 1])
    let targets = try loss.targets(for: labels, outputShape: [units], count: 3)
    func lossValue() -> Double {
      model.lossAndGradient(output: model.forward(images, training: false), targets: targets, loss: loss).loss
    }
    let (_, gradient, isFused) = model.lossAndGradient(
      output: model.forward(images, training: true), targets: targets, loss: loss)
    #expect(isFused == (loss.fusableActivation == activation))
    model.backward(gradient, isFused: isFused)
    for (layer, variable) in model.computingLayers.flatMap({ layer in layer.variables.map { (layer, $0) } }) {
      var check = GradientCheck(label: "\(description): \(variable.name) of \(layer.name)")
      var values = variable.value
      check.compare(analytic: variable.gradient, values: &values) { newValues in
        variable.value = newValues
        return lossValue()
      }
      variable.value = values
      #expect(check.passes, "\(check)")
    }
  }

  /// A max pooling after a ReLU applies ReLU's derivative itself, and the layer before skips its
  /// own pass (a convolution reads the pooling's gradient image by image, for the first learning
  /// layer and for one that needs its input gradient too): the gradients come out bit for bit as
  /// when a layer between them keeps the two steps apart. Predictions, where the convolution pools
  /// as it computes, are those of the layers apart too. A pooling whose windows overlap is not
  /// fused.
  @Test(arguments: [ActivationFunction.relu, .tanh], [true, false])
  func aMaxPoolingAfterAReLUGivesTheGradientsOfTheStepsApart(
    _ activation: ActivationFunction, secondPoolingTiles: Bool
  ) throws {
    func model(separated: Bool) throws -> Model {
      setRandomSeed(21)
      let model = try Sequential {
        // The second convolution's 46 × 45 outputs are more than a gradient group's 2,048 terms,
        // as at 180 × 180: it reads the pooling's gradient image by image, input gradient too.
        Input(shape: [96, 94, 3])
        Conv2D(filters: 16, kernelSize: 3, activation: activation)
        if separated { PassThrough() }
        MaxPooling2D(poolSize: 2)
        Conv2D(filters: 16, kernelSize: 2, activation: activation)
        if separated { PassThrough() }
        MaxPooling2D(poolSize: 2, strides: secondPoolingTiles ? 2 : 1)
        Flatten()
        Dense(units: 3, activation: .softmax)
      }
      model.compile(optimizer: SGD(learningRate: 0.5), loss: .sparseCategoricalCrossentropy)
      return model
    }
    let (fused, apart) = (try model(separated: false), try model(separated: true))
    try apart.setWeights(fused.weights)
    let images = Tensor(randomUniform: [4, 96, 94, 3], in: -1...1, seed: 2)
    let labels = Tensor(labels: [0, 1, 2, 1])
    let (fusedPrediction, apartPrediction) = (try fused(images), try apart(images))
    #expect(fusedPrediction.scalars.map(\.bitPattern) == apartPrediction.scalars.map(\.bitPattern))
    for model in [fused, apart] {
      _ = try model.trainStep(
        images: .values(images), labels: labels, optimizer: try #require(model.optimizer),
        loss: .sparseCategoricalCrossentropy)
    }
    #expect(fused.weights.map { $0.scalars.map(\.bitPattern) } == apart.weights.map { $0.scalars.map(\.bitPattern) })
    #expect(fused.weights != (try model(separated: false)).weights, "the step changed no weight")
  }
}

/// Passes its input on as it is, both ways: it keeps two layers from being fused.
private final class PassThrough: Layer {
  init() {
    super.init(className: "PassThrough", name: nil)
  }

  override func forward(_ input: Tensor, training: Bool) -> Tensor { input }

  override func backward(_ outputGradient: consuming Tensor) -> Tensor { outputGradient }
}
