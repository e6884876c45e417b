import Foundation

/// How wrong the model's predictions are: the number training makes smaller. Each loss reports the
/// mean over the batch, as Keras's default reduction does.
///
///     model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
///
/// - `sparseCategoricalCrossentropy`: labels are class indices (`2` means "the third class").
/// - `categoricalCrossentropy`: labels are one-hot rows (`[0, 0, 1, 0, 0]`).
/// - `binaryCrossentropy`: two classes, labels 0 or 1, one sigmoid output.
/// - `meanSquaredError`: the mean of squared differences, for numbers rather than classes.
///
/// The cross-entropies expect probabilities (a softmax or sigmoid last layer) unless created with
/// `fromLogits: true`, for a last layer without activation.
public struct Loss: Equatable, Sendable, CustomStringConvertible {
  /// The kinds of loss, named as Keras names them.
  public enum Kind: String, Sendable {
    case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"
    case categoricalCrossentropy = "categorical_crossentropy"
    case binaryCrossentropy = "binary_crossentropy"
    case meanSquaredError = "mean_squared_error"
  }

  /// Which loss this is.
  public let kind: Kind
  /// Whether predictions are raw scores (logits) rather than probabilities.
  public let fromLogits: Bool

  /// Cross-entropy for class-index labels, on probabilities.
  public static let sparseCategoricalCrossentropy = Loss(kind: .sparseCategoricalCrossentropy, fromLogits: false)
  /// Cross-entropy for one-hot labels, on probabilities.
  public static let categoricalCrossentropy = Loss(kind: .categoricalCrossentropy, fromLogits: false)
  /// Cross-entropy for 0/1 labels, on probabilities.
  public static let binaryCrossentropy = Loss(kind: .binaryCrossentropy, fromLogits: false)
  /// The mean of squared differences between predictions and targets.
  public static let meanSquaredError = Loss(kind: .meanSquaredError, fromLogits: false)

  /// Cross-entropy for class-index labels, on logits when `fromLogits` is true.
  public static func sparseCategoricalCrossentropy(fromLogits: Bool) -> Loss {
    Loss(kind: .sparseCategoricalCrossentropy, fromLogits: fromLogits)
  }

  /// Cross-entropy for one-hot labels, on logits when `fromLogits` is true.
  public static func categoricalCrossentropy(fromLogits: Bool) -> Loss {
    Loss(kind: .categoricalCrossentropy, fromLogits: fromLogits)
  }

  /// Cross-entropy for 0/1 labels, on logits when `fromLogits` is true.
  public static func binaryCrossentropy(fromLogits: Bool) -> Loss {
    Loss(kind: .binaryCrossentropy, fromLogits: fromLogits)
  }

  /// Keras's name: `sparse_categorical_crossentropy`.
  public var description: String { kind.rawValue }

  /// Keras's `epsilon`: probabilities are clipped to `ε...1−ε` before their logarithm.
  static let epsilon: Float = 1e-7

  /// The activation whose scores this loss can take directly, making training exact and stable:
  /// softmax for the categorical cross-entropies, sigmoid for the binary one.
  var fusableActivation: ActivationFunction? {
    guard !fromLogits else { return nil }
    switch kind {
    case .sparseCategoricalCrossentropy, .categoricalCrossentropy: return .softmax
    case .binaryCrossentropy: return .sigmoid
    case .meanSquaredError: return nil
    }
  }

  // MARK: - Label checks

  /// Checks that `labels` suit this loss and predictions of `outputShape` (per item) for `count`
  /// items, and returns them as a tensor of the predictions' shape (one-hot for sparse labels).
  func targets(for labels: Tensor, outputShape: [Int], count: Int) throws -> Tensor {
    guard labels.shape.first == count else {
      throw ModelError.sampleCountMismatch(images: count, labels: labels.shape.first ?? 0)
    }
    let predictionShape = [count] + outputShape
    switch kind {
    case .sparseCategoricalCrossentropy:
      guard outputShape.count == 1, labels.rank == 1 || (labels.rank == 2 && labels.shape[1] == 1) else {
        throw ModelError.labelShapeMismatch(
          loss: kind.rawValue, expected: "(\(count),) of class indices", received: labels.shape)
      }
      let classes = outputShape[0]
      var oneHot = Tensor(zeros: predictionShape)
      for (position, label) in labels.scalars.enumerated() {
        guard label >= 0, label < Float(classes), label == label.rounded() else {
          throw ModelError.labelOutOfRange(label: label, position: position, classes: classes)
        }
        oneHot.scalars[position * classes + Int(label)] = 1
      }
      return oneHot
    case .categoricalCrossentropy, .binaryCrossentropy, .meanSquaredError:
      if labels.shape == predictionShape { return labels }
      if outputShape == [1] && labels.shape == [count] { return labels.reshaped(to: predictionShape) }
      throw ModelError.labelShapeMismatch(
        loss: kind.rawValue, expected: ShapeNotation.concrete(predictionShape), received: labels.shape)
    }
  }

  // MARK: - Values and gradients

  /// Returns the mean loss over the batch and ∂loss/∂predictions, for `predictions` as the model
  /// outputs them (probabilities, or logits with `fromLogits`).
  func evaluate(predictions: Tensor, targets: Tensor) -> (loss: Double, gradient: Tensor) {
    if fromLogits { return evaluate(scores: predictions, targets: targets) }
    switch kind {
    case .sparseCategoricalCrossentropy, .categoricalCrossentropy:
      return categoricalFromProbabilities(predictions, targets)
    case .binaryCrossentropy:
      return binaryFromProbabilities(predictions, targets)
    case .meanSquaredError:
      return meanSquaredError(predictions, targets)
    }
  }

  /// Returns the mean loss and ∂loss/∂scores for the scores before the final softmax (or sigmoid):
  /// `−Σ y·log softmax(z)`, whose gradient is `(softmax(z) − y) / N`; for sigmoid,
  /// `max(z, 0) − z·y + log(1 + e^−|z|)` with gradient `(σ(z) − y) / (N·C)`.
  func evaluate(scores z: Tensor, targets y: Tensor) -> (loss: Double, gradient: Tensor) {
    let batch = Double(z.shape.first ?? 1)
    var gradient = z
    var total = 0.0
    switch kind {
    case .sparseCategoricalCrossentropy, .categoricalCrossentropy:
      let probabilities = ActivationFunction.softmax(z)
      let width = z.shape.last ?? 1
      for start in stride(from: 0, to: z.scalarCount, by: width) {
        let row = start..<(start + width)
        let largest = Double(z.scalars[row].max() ?? 0)
        let logSum = Foundation.log(row.reduce(0.0) { $0 + Foundation.exp(Double(z.scalars[$1]) - largest) }) + largest
        for i in row {
          total -= Double(y.scalars[i]) * (Double(z.scalars[i]) - logSum)
          gradient.scalars[i] = Float((Double(probabilities.scalars[i]) - Double(y.scalars[i])) / batch)
        }
      }
    case .binaryCrossentropy:
      let perItem = Double(z.scalarCount) / batch
      for i in z.scalars.indices {
        let (s, t) = (Double(z.scalars[i]), Double(y.scalars[i]))
        total += (Swift.max(s, 0) - s * t + Foundation.log1p(Foundation.exp(-Swift.abs(s)))) / perItem
        gradient.scalars[i] = Float((Double(ActivationFunction.sigmoid(z.scalars[i])) - t) / (batch * perItem))
      }
    case .meanSquaredError:
      return meanSquaredError(z, y)
    }
    return (total / batch, gradient)
  }

  /// Keras's cross-entropy on probabilities: each row is divided by its sum, clipped to `ε...1−ε`,
  /// and `−Σ y·log p` is taken. The gradient is that of exactly this formula (zero where clipped).
  private func categoricalFromProbabilities(_ p: Tensor, _ y: Tensor) -> (loss: Double, gradient: Tensor) {
    let batch = Double(p.shape.first ?? 1)
    let width = p.shape.last ?? 1
    var gradient = p
    var total = 0.0
    let (low, high) = (Double(Loss.epsilon), 1 - Double(Loss.epsilon))
    for start in stride(from: 0, to: p.scalarCount, by: width) {
      let row = start..<(start + width)
      let sum = row.reduce(0.0) { $0 + Double(p.scalars[$1]) }
      // term 1: ∂loss/∂q for q = p / sum, through the clip
      var dq = [Double](repeating: 0, count: width)
      var weighted = 0.0
      for (k, i) in row.enumerated() {
        let q = Double(p.scalars[i]) / sum
        let clipped = Swift.min(Swift.max(q, low), high)
        total -= Double(y.scalars[i]) * Foundation.log(clipped)
        dq[k] = (q > low && q < high) ? -Double(y.scalars[i]) / clipped : 0
        weighted += dq[k] * q
      }
      // term 2: through the normalisation, ∂q_i/∂p_j = (δ_ij − q_i) / sum
      for (k, i) in row.enumerated() {
        gradient.scalars[i] = Float((dq[k] - weighted) / sum / batch)
      }
    }
    return (total / batch, gradient)
  }

  /// Keras's binary cross-entropy on probabilities: clipped to `ε...1−ε`, then
  /// `−(y·log p + (1 − y)·log(1 − p))`, averaged over the last axis and the batch.
  private func binaryFromProbabilities(_ p: Tensor, _ y: Tensor) -> (loss: Double, gradient: Tensor) {
    let batch = Double(p.shape.first ?? 1)
    let perItem = Double(p.scalarCount) / batch
    var gradient = p
    var total = 0.0
    let (low, high) = (Double(Loss.epsilon), 1 - Double(Loss.epsilon))
    for i in p.scalars.indices {
      let (raw, t) = (Double(p.scalars[i]), Double(y.scalars[i]))
      let q = Swift.min(Swift.max(raw, low), high)
      total -= (t * Foundation.log(q) + (1 - t) * Foundation.log(1 - q)) / perItem
      let inside = raw > low && raw < high
      gradient.scalars[i] = inside ? Float(-(t / q - (1 - t) / (1 - q)) / (perItem * batch)) : 0
    }
    return (total / batch, gradient)
  }

  /// The mean over the last axis and the batch of `(p − y)²`; the gradient is `2(p − y) / (N·C)`.
  private func meanSquaredError(_ p: Tensor, _ y: Tensor) -> (loss: Double, gradient: Tensor) {
    let count = Double(p.scalarCount)
    var gradient = p
    var total = 0.0
    for i in p.scalars.indices {
      let difference = Double(p.scalars[i]) - Double(y.scalars[i])
      total += difference * difference
      gradient.scalars[i] = Float(2 * difference / count)
    }
    return (total / count, gradient)
  }
}
