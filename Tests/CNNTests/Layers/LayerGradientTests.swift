import CNNTestSupport
import Testing

@testable import CNN

/// One layer to check, with the input it gets: a readable description, a fresh layer, a shape.
struct GradientCase: CustomTestStringConvertible, Sendable {
  let testDescription: String
  let inputShape: [Int]
  let makeLayer: @Sendable () -> Layer

  init(_ description: String, _ inputShape: [Int], _ makeLayer: @escaping @Sendable () -> Layer) {
    self.testDescription = description
    self.inputShape = inputShape
    self.makeLayer = makeLayer
  }

  static let layers: [GradientCase] =
    [
      GradientCase("Conv2D 3×3 valid, batch 1", [1, 5, 6, 2]) { Conv2D(filters: 3, kernelSize: 3) },
      GradientCase("Conv2D 3×3 same, batch 3", [3, 5, 4, 2]) { Conv2D(filters: 2, kernelSize: 3, padding: .same) },
      GradientCase("Conv2D 3×2 stride 2 same, odd sizes", [2, 7, 5, 3]) {
        Conv2D(filters: 4, kernelSize: [3, 2], strides: 2, padding: .same)
      },
      GradientCase("Conv2D stride [2, 1] valid without bias", [3, 7, 6, 1]) {
        Conv2D(filters: 2, kernelSize: 2, strides: [2, 1], useBias: false)
      },
      GradientCase("Conv2D with relu", [2, 5, 5, 2]) { Conv2D(filters: 3, kernelSize: 3, activation: .relu) },
      GradientCase("Conv2D 3×3 same, 32 channels to 64 filters (Winograd)", [1, 3, 2, 32]) {
        Conv2D(filters: 64, kernelSize: 3, padding: .same)
      },
      GradientCase("Conv2D 3×3 valid, 33 channels to 65 filters (Winograd)", [1, 4, 3, 33]) {
        Conv2D(filters: 65, kernelSize: 3)
      },
      GradientCase("Dense, batch 1", [1, 7]) { Dense(units: 3) },
      GradientCase("Dense with tanh, batch 3", [3, 5]) { Dense(units: 4, activation: .tanh) },
      GradientCase("Dense without bias", [3, 4]) { Dense(units: 2, useBias: false) },
      GradientCase("Dense with softmax", [3, 6]) { Dense(units: 5, activation: .softmax) },
      GradientCase("MaxPooling2D 2×2, odd size", [3, 5, 7, 2]) { MaxPooling2D(poolSize: 2) },
      GradientCase("MaxPooling2D 3×3 stride 2 same", [2, 6, 5, 2]) {
        MaxPooling2D(poolSize: 3, strides: 2, padding: .same)
      },
      GradientCase("AveragePooling2D 2×2", [3, 4, 6, 2]) { AveragePooling2D(poolSize: 2) },
      GradientCase("AveragePooling2D 2×3 stride 2 same, odd sizes", [1, 5, 7, 3]) {
        AveragePooling2D(poolSize: [2, 3], strides: 2, padding: .same)
      },
      GradientCase("GlobalAveragePooling2D", [3, 3, 5, 4]) { GlobalAveragePooling2D() },
      GradientCase("Flatten", [3, 2, 3, 2]) { Flatten() },
      GradientCase("Rescaling", [3, 4]) { Rescaling(scale: 1.0 / 255, offset: -0.5) },
    ]
    + ActivationFunction.allCases.map { function in
      GradientCase("Activation \(function)", [3, 5]) { Activation(function) }
    }
}

@Suite(.isolatedSession) struct LayerGradientTests {
  @Test(arguments: GradientCase.layers)
  func backwardMatchesCentralDifferences(_ c: GradientCase) throws {
    setRandomSeed(11)
    // All values distinct and at least 0.05 apart, so no perturbation crosses a ReLU kink or
    // changes which value wins a max-pooling window.
    let input = distinctValues(c.inputShape, spacing: 0.05)
    let checks = try checkLayerGradients(c.makeLayer(), input: input)
    for check in checks {
      #expect(check.passes, "\(check)")
    }
  }

  @Test func dropoutPassesTheGradientThroughTheSameMask() throws {
    let dropout = Dropout(rate: 0.4, seed: 5)
    let input = Tensor(randomUniform: [4, 50], in: 1...2, seed: 1)
    try dropout.build(inputShape: [50])
    let output = dropout.forward(input, training: true)
    let outputGradient = Tensor(randomUniform: [4, 50], in: -1...1, seed: 2)
    let inputGradient = dropout.backward(outputGradient)
    // output = mask ⊙ input, so ∂loss/∂input = mask ⊙ ∂loss/∂output with mask = output / input.
    for i in input.scalars.indices {
      let mask = output.scalars[i] / input.scalars[i]
      #expect(Swift.abs(inputGradient.scalars[i] - mask * outputGradient.scalars[i]) < 1e-5)
    }
  }
}
