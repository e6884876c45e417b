// The lesson's tools for judging a classifier after `predict`: turn probabilities into class
// labels, count how many are right, and see which classes are confused with which.

/// Returns the index of the largest value along `axis` (by default the last) of `tensor`: for a
/// `[N, classes]` tensor of probabilities, the predicted class of each image. Same as
/// `tensor.argmax(axis:)`, spelled like NumPy's and TensorFlow's `argmax(x, axis)`.
public func argmax(_ tensor: Tensor, axis: Int = -1) -> [Int] {
  tensor.argmax(axis: axis)
}

/// Returns the fraction of predictions equal to the true labels, from 0 (none right) to 1 (all
/// right): scikit-learn's `accuracy_score`.
///
///     try accuracyScore(yTrue: [0, 1, 2, 2], yPred: [0, 2, 2, 2])   // 0.75
///
/// - Throws: `ModelError.sampleCountMismatch` when the lists differ in length, or
///   `ModelError.noData` when they are empty.
public func accuracyScore(yTrue: [Int], yPred: [Int]) throws -> Double {
  guard yTrue.count == yPred.count else {
    throw ModelError.sampleCountMismatch(images: yPred.count, labels: yTrue.count)
  }
  guard !yTrue.isEmpty else { throw ModelError.noData(action: "score") }
  return Double(zip(yTrue, yPred).filter { $0 == $1 }.count) / Double(yTrue.count)
}

/// Returns the confusion matrix of a classifier: entry `[t][p]` counts the items of true class `t`
/// that were predicted as class `p`. Rows are true classes and columns predicted ones, as in
/// scikit-learn's `confusion_matrix`; the diagonal holds the correct predictions.
///
///     try confusionMatrix(yTrue: [0, 1, 1], yPred: [0, 1, 0])   // [[1, 0], [1, 1]]
///
/// - Parameter classCount: the number of classes; by default one more than the largest label.
/// - Throws: `ModelError` when the lists differ in length or a label is negative or too large.
public func confusionMatrix(yTrue: [Int], yPred: [Int], classCount: Int? = nil) throws -> [[Int]] {
  guard yTrue.count == yPred.count else {
    throw ModelError.sampleCountMismatch(images: yPred.count, labels: yTrue.count)
  }
  let classes = classCount ?? ((yTrue + yPred).max() ?? -1) + 1
  var matrix = Array(repeating: Array(repeating: 0, count: classes), count: classes)
  for (position, (truth, guess)) in zip(yTrue, yPred).enumerated() {
    for label in [truth, guess] where !(0..<classes).contains(label) {
      throw ModelError.labelOutOfRange(label: Float(label), position: position, classes: classes)
    }
    matrix[truth][guess] += 1
  }
  return matrix
}

/// Returns one-hot rows for class indices: label `k` becomes a row of zeros with a 1 at position
/// `k` (Keras's `to_categorical`). Use it with `categoricalCrossentropy`.
///
///     try toCategorical([2, 0], classCount: 3)   // [[0, 0, 1], [1, 0, 0]]
///
/// - Parameter classCount: the number of classes; by default one more than the largest label.
/// - Throws: `ModelError.labelOutOfRange` for a negative label or one of `classCount` or more.
public func toCategorical(_ labels: [Int], classCount: Int? = nil) throws -> Tensor {
  let classes = classCount ?? (labels.max() ?? -1) + 1
  var oneHot = Tensor(zeros: [labels.count, classes])
  for (position, label) in labels.enumerated() {
    guard (0..<classes).contains(label) else {
      throw ModelError.labelOutOfRange(label: Float(label), position: position, classes: classes)
    }
    oneHot.scalars[position * classes + label] = 1
  }
  return oneHot
}

extension Tensor {
  /// The values as whole numbers, for a tensor of class labels: `Tensor(labels: [2, 0]).classIndices`
  /// is `[2, 0]`. Values are rounded to the nearest integer.
  public var classIndices: [Int] {
    scalars.map { Int($0.rounded()) }
  }
}
