import CNNTestSupport
import Testing

@testable import CNN

/// Expected values are scikit-learn's for the same lists (`accuracy_score`, `confusion_matrix`)
/// and Keras's `to_categorical`, worked out by hand for these small cases.
@Suite(.isolatedSession) struct ClassificationMetricsTests {
  @Test func accuracyIsTheFractionRight() throws {
    #expect(try accuracyScore(yTrue: [0, 1, 2, 2], yPred: [0, 2, 2, 2]) == 0.75)
    #expect(try accuracyScore(yTrue: [1], yPred: [1]) == 1)
  }

  @Test func accuracyNeedsListsOfOneLength() {
    #expect(throws: ModelError.sampleCountMismatch(images: 2, labels: 3)) {
      try accuracyScore(yTrue: [0, 1, 2], yPred: [0, 1])
    }
    #expect(throws: ModelError.noData(action: "score")) { try accuracyScore(yTrue: [], yPred: []) }
  }

  @Test func confusionMatrixRowsAreTrueClassesAndColumnsPredicted() throws {
    // true 0 → predicted 0 once; true 1 → predicted 0 once and 1 once; true 2 → predicted 1 once.
    let matrix = try confusionMatrix(yTrue: [0, 1, 1, 2], yPred: [0, 0, 1, 1])
    #expect(matrix == [[1, 0, 0], [1, 1, 0], [0, 1, 0]])
    #expect(try confusionMatrix(yTrue: [0], yPred: [0], classCount: 3) == [[1, 0, 0], [0, 0, 0], [0, 0, 0]])
  }

  @Test func confusionMatrixRejectsLabelsOutsideTheClasses() {
    #expect(throws: ModelError.labelOutOfRange(label: 5, position: 1, classes: 3)) {
      try confusionMatrix(yTrue: [0, 1], yPred: [0, 5], classCount: 3)
    }
  }

  @Test func toCategoricalMakesOneHotRows() throws {
    #expect(try toCategorical([2, 0]) == Tensor([[0, 0, 1], [1, 0, 0]]))
    #expect(try toCategorical([1], classCount: 4) == Tensor([[0, 1, 0, 0]]))
    #expect(throws: ModelError.self) { try toCategorical([-1]) }
  }

  @Test func argmaxOfPredictionsGivesClassLabels() {
    let probabilities = Tensor([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]])
    #expect(argmax(probabilities, axis: 1) == [1, 0])
    #expect(Tensor(labels: [3, 1]).classIndices == [3, 1])
  }
}
