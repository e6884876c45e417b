import CNN
import ImageCodecs
import TerminalUI

// Thin adapters from the library's results (histories, batches, predictions) to TerminalUI's
// views, which know only plain numbers, strings and images.

extension LearningCurves {
  /// The loss and accuracy curves of a training run, with its validation curves if it has them.
  public init(history: History, title: String? = nil) {
    self.init(
      title: title, loss: history.loss, validationLoss: history.validationLoss, accuracy: history.accuracy,
      validationAccuracy: history.validationAccuracy)
  }
}

extension ImageGrid {
  /// A grid of the first images of a batch `[N, H, W, C]` (pixel values 0...255), each titled with
  /// its class name.
  public init(batch images: Tensor, labels: [Int], classNames: [String], count: Int = 9, maximumColumns: Int = 3) {
    let shown = Swift.min(count, images.shape.first ?? 0)
    let tiles = (0..<shown).map { index in
      Tile(Image(images[index]), title: labels.indices.contains(index) ? classNames[safe: labels[index]] : "")
    }
    self.init(tiles, maximumColumns: maximumColumns)
  }
}

extension ProbabilityBars {
  /// The class probabilities of one prediction (a row of `predict`'s output), with the true class
  /// named if known.
  public init(prediction: Tensor, classNames: [String], trueLabel: Int? = nil) {
    self.init(
      labels: classNames, probabilities: prediction.scalars.map(Double.init),
      trueLabel: trueLabel.map { classNames[safe: $0] })
  }
}

extension ConfusionMatrixView {
  /// The confusion matrix of true and predicted class indices over `classNames`.
  ///
  /// - Throws: `ModelError` when the lists differ in length or hold a label outside the classes.
  public init(yTrue: [Int], yPred: [Int], classNames: [String]) throws {
    self.init(matrix: try confusionMatrix(yTrue: yTrue, yPred: yPred, classCount: classNames.count), labels: classNames)
  }
}

extension Array where Element == String {
  /// The element at `index`, or `"?"` when the index is out of range.
  subscript(safe index: Int) -> String {
    indices.contains(index) ? self[index] : "?"
  }
}
