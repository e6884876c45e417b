/// A number reported during training to tell how well the model does, without affecting how it
/// learns. `.accuracy` is the fraction of predictions that are right.
///
/// As in Keras, the kind of accuracy follows from the shapes: one output per item means two
/// classes, right when the output is on the same side of 0.5 as the label; several outputs mean
/// the predicted class is the one with the largest output (the argmax), right when it is the label.
public struct Metric: Equatable, Sendable, CustomStringConvertible {
  /// The name reported in logs and histories: `accuracy`.
  public let name: String

  /// The fraction of predictions that match their labels.
  public static let accuracy = Metric(name: "accuracy")

  /// `accuracy`
  public var description: String { name }

  /// Returns how many of the batch's predictions are right, given targets of the predictions'
  /// shape (one-hot rows for class labels).
  func correctCount(predictions: Tensor, targets: Tensor) -> Int {
    let width = predictions.shape.last ?? 1
    if width == 1 {
      return zip(predictions.scalars, targets.scalars).filter { ($0 > 0.5) == ($1 > 0.5) }.count
    }
    let predicted = predictions.argmax(axis: -1)
    let expected = targets.argmax(axis: -1)
    return zip(predicted, expected).filter { $0 == $1 }.count
  }
}
