import CNNTestSupport
import Foundation
import Testing

@testable import CNN

@Suite(.isolatedSession) struct LossTests {
  func value(_ loss: Loss, _ predictions: Tensor, _ labels: Tensor) throws -> Double {
    let targets = try loss.targets(
      for: labels, outputShape: Array(predictions.shape.dropFirst()), count: predictions.shape[0])
    return loss.evaluate(predictions: predictions, targets: targets).loss
  }

  @Test func sparseCrossEntropyIsMinusTheLogOfTheTrueClassProbability() throws {
    let p = Tensor([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    let expected = (-log(0.7) - log(0.8)) / 2
    #expect(Swift.abs(try value(.sparseCategoricalCrossentropy, p, Tensor(labels: [0, 2])) - expected) < 1e-6)
  }

  @Test func probabilitiesAreClippedAsInKeras() throws {
    // A zero probability for the true class costs −log(1e-7) ≈ 16.118, not infinity.
    let loss = try value(.sparseCategoricalCrossentropy, Tensor([[1, 0]]), Tensor(labels: [1]))
    #expect(Swift.abs(loss - -log(1e-7)) < 1e-3)
  }

  @Test func categoricalCrossEntropyOnLogitsUsesLogSoftmax() throws {
    // log(e¹ + e² + e³) − 3 = 0.4076059644
    let loss = try value(.categoricalCrossentropy(fromLogits: true), Tensor([[1, 2, 3]]), Tensor([[0, 0, 1]]))
    #expect(Swift.abs(loss - 0.407_605_964_4) < 1e-6)
  }

  @Test func binaryCrossEntropyOnProbabilitiesAndLogits() throws {
    #expect(Swift.abs(try value(.binaryCrossentropy, Tensor([[0.8]]), Tensor([1])) - -log(0.8)) < 1e-6)
    #expect(Swift.abs(try value(.binaryCrossentropy(fromLogits: true), Tensor([[0]]), Tensor([0])) - log(2)) < 1e-6)
  }

  @Test func meanSquaredErrorAveragesSquaredDifferences() throws {
    #expect(try value(.meanSquaredError, Tensor([[1, 2]]), Tensor([[0, 0]])) == 2.5)
  }

  static let gradientCases: [(Loss, Tensor, Tensor)] = [
    (.sparseCategoricalCrossentropy, Tensor([[0.6, 0.3, 0.1], [0.2, 0.5, 0.3]]), Tensor(labels: [0, 2])),
    (
      .sparseCategoricalCrossentropy(fromLogits: true), Tensor([[1, -1, 0.5], [0.2, 2, -0.3]]), Tensor(labels: [1, 0])
    ),
    (.categoricalCrossentropy, Tensor([[0.2, 0.3, 0.5]]), Tensor([[0, 1, 0]])),
    (.categoricalCrossentropy(fromLogits: true), Tensor([[0.3, -2, 1]]), Tensor([[0.2, 0.8, 0]])),
    (.binaryCrossentropy, Tensor([[0.3], [0.7], [0.6]]), Tensor([1, 0, 1])),
    (.binaryCrossentropy(fromLogits: true), Tensor([[0.3, -1], [2, 0.5]]), Tensor([[1, 0], [0, 1]])),
    (.meanSquaredError, Tensor([[0.3, -1], [2, 0.5]]), Tensor([[1, 0], [0, 1]])),
  ]

  @Test(arguments: LossTests.gradientCases)
  func gradientMatchesCentralDifferences(_ loss: Loss, _ predictions: Tensor, _ labels: Tensor) throws {
    let targets = try loss.targets(
      for: labels, outputShape: Array(predictions.shape.dropFirst()), count: predictions.shape[0])
    let analytic = loss.evaluate(predictions: predictions, targets: targets).gradient
    var check = GradientCheck(label: "\(loss)\(loss.fromLogits ? " from logits" : "")")
    var values = predictions
    check.compare(analytic: analytic, values: &values) { loss.evaluate(predictions: $0, targets: targets).loss }
    #expect(check.passes, "\(check)")
  }

  @Test(arguments: [Loss.sparseCategoricalCrossentropy, .binaryCrossentropy])
  func fusedScoresGiveTheSameLossAsProbabilities(_ loss: Loss) throws {
    // The loss on scores before softmax (or sigmoid) equals the loss on the probabilities, and its
    // gradient matches central differences on the scores.
    let isBinary = loss.kind == .binaryCrossentropy
    let scores = isBinary ? Tensor([[0.4], [-1.2]]) : Tensor([[0.4, -1.2, 2], [1, 1, 0]])
    let labels = isBinary ? Tensor([1, 0]) : Tensor(labels: [2, 1])
    let activation = try #require(loss.fusableActivation)
    let targets = try loss.targets(for: labels, outputShape: Array(scores.shape.dropFirst()), count: 2)
    let viaProbabilities = loss.evaluate(predictions: activation.apply(scores), targets: targets).loss
    let fused = loss.evaluate(scores: scores, targets: targets)
    #expect(Swift.abs(fused.loss - viaProbabilities) < 1e-6)
    var check = GradientCheck(label: "fused \(loss)")
    var values = scores
    check.compare(analytic: fused.gradient, values: &values) { loss.evaluate(scores: $0, targets: targets).loss }
    #expect(check.passes, "\(check)")
  }

  @Test func aLabelOutsideTheClassesNamesTheFix() {
    let error = #expect(throws: ModelError.self) {
      try Loss.sparseCategoricalCrossentropy.targets(for: Tensor(labels: [0, 7]), outputShape: [5], count: 2)
    }
    #expect(error?.description.contains("Label 7.0 (item 1) is not a class index from 0 to 4") == true)
    #expect(error?.description.contains("Dense(units: n) with n the number of classes") == true)
  }

  @Test func classIndicesGivenToCategoricalCrossEntropySuggestOneHot() {
    let error = #expect(throws: ModelError.self) {
      try Loss.categoricalCrossentropy.targets(for: Tensor(labels: [0, 3]), outputShape: [5], count: 2)
    }
    #expect(error?.description.contains("needs labels of shape (2, 5) but received (2,)") == true)
    #expect(error?.description.contains("toCategorical") == true)
  }

  @Test func labelsAndImagesMustBeEqualInNumber() {
    #expect(throws: ModelError.sampleCountMismatch(images: 3, labels: 2)) {
      try Loss.sparseCategoricalCrossentropy.targets(for: Tensor(labels: [0, 1]), outputShape: [5], count: 3)
    }
  }
}
