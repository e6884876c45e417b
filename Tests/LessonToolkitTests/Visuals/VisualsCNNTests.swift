import CNN
import ImageCodecs
import Testing

@testable import LessonToolkit
@testable import TerminalUI

@Suite struct VisualsCNNTests {
  @Test func aBatchIsTitledWithClassNamesAndAQuestionMarkForAnUnknownLabel() {
    let images = Tensor(zeros: [4, 2, 2, 1])
    let grid = ImageGrid(batch: images, labels: [1, 0, 7], classNames: ["cat", "dog"])
    #expect(grid.tiles.map(\.title) == ["dog", "cat", "?", ""])
    #expect(ImageGrid(batch: images, labels: [0, 0, 0, 0], classNames: ["cat"], count: 2).tiles.count == 2)
  }

  @Test func aPredictionsBarsNameTheClassesAndTheTrueOne() {
    let prediction = Tensor([0.25, 0.75])
    let bars = ProbabilityBars(prediction: prediction, classNames: ["cat", "dog"], trueLabel: 0)
    let expected = ProbabilityBars(labels: ["cat", "dog"], probabilities: [0.25, 0.75], trueLabel: "cat")
    #expect(bars.lines(for: .plain()) == expected.lines(for: .plain()))
  }

  @Test func aConfusionMatrixOfListsOfDifferentLengthsThrows() {
    #expect(throws: (any Error).self) {
      try ConfusionMatrixView(yTrue: [0, 1], yPred: [0], classNames: ["cat", "dog"])
    }
  }
}
