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
      output: model.forward(images, training: false), targets: targets, loss: loss)
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

  @Test func noGradientIsSentBeforeTheFirstLayerThatLearns() throws {
    let (beforeConvolution, afterConvolution) = (GradientCounter(), GradientCounter())
    let model = try Sequential {
      Input(shape: [5, 5, 1])
      Rescaling(scale: 0.5)
      beforeConvolution
      Conv2D(filters: 2, kernelSize: 3)
      afterConvolution
      Flatten()
      Dense(units: 2, activation: .softmax)
    }
    model.compile(optimizer: .sgd(), loss: .sparseCategoricalCrossentropy)
    let images = Tensor(randomUniform: [2, 5, 5, 1], in: 0...1, seed: 3)
    _ = try model.trainStep(
      images: .values(images), labels: Tensor(labels: [0, 1]), optimizer: try #require(model.optimizer),
      loss: .sparseCategoricalCrossentropy)
    #expect(afterConvolution.backwardCount == 1)
    #expect(beforeConvolution.backwardCount == 0)
  }
}

/// Passes its input on as it is, and counts the gradients sent back through it.
private final class GradientCounter: Layer {
  var backwardCount = 0

  init() {
    super.init(className: "GradientCounter", name: nil)
  }

  override func forward(_ input: Tensor, training: Bool) -> Tensor { input }

  override func backward(_ outputGradient: consuming Tensor) -> Tensor {
    backwardCount += 1
    return outputGradient
  }
}
