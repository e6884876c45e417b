/// One sentence that reads a run's loss curves the way an instructor would ("the model is starting
/// to overfit"), with the verdict behind it so a lesson can react to it.
///
/// It is a pure function of the numbers. Write `L` for the training loss, `V` for the validation
/// loss (both cut to the shorter length when both are given), `n` for the number of epochs and
/// `w = min(3, n − 1)` for the last few epochs. The first rule that matches decides:
///
/// 1. `n == 0`: `.noData`.
/// 2. A value of `L` or `V` is NaN or infinite: `.diverged(epoch:)`, the first such epoch.
/// 3. `n == 1`: `.tooFewEpochs`.
/// 4. `V` is lowest at epoch 1 and ends at least 2 % above that (it rose from the start):
///    `.unstable` when `L` also ended above where it began, otherwise `.overfittingFromStart`.
/// 5. `V` has stopped improving (its lowest value, the first one on ties, came two or more
///    epochs before the last) while `L` kept falling (it ends at least 2 % below its value at
///    that epoch): `.overfitting(bestEpoch:lowestValidationLoss:)`.
/// 6. `L` is high and barely falling: it is still above 70 % of its first value and it fell by
///    less than 1 % per epoch over the last `w` epochs: `.underfitting`.
/// 7. `L` fell by at least 1 % per epoch over the last `w` epochs and `V`, if given, has not
///    stopped improving in the sense of rule 5: `.stillLearning`.
/// 8. Otherwise: `.levelledOff`.
///
/// Percentages are relative to the earlier value. Accuracy, when given, only adds numbers to the
/// sentence; it never changes the verdict.
///
///     let reading = LearningCurveReading(
///       loss: [1.52, 1.21, 1.05, 0.93, 0.85, 0.79, 0.74, 0.70, 0.67, 0.64],
///       validationLoss: [1.30, 1.12, 1.03, 0.98, 0.96, 0.95, 0.97, 1.00, 1.02, 1.05])
///     reading.verdict    // .overfitting(bestEpoch: 6, lowestValidationLoss: 0.95)
///     reading.sentence   // "Validation loss stopped improving after epoch 6 (lowest 0.95) while
///                        //  training loss kept falling: the model is starting to overfit."
public struct LearningCurveReading: Equatable, Sendable {
  /// What the curves say, one case per rule above.
  public enum Verdict: Equatable, Sendable {
    /// No epochs yet.
    case noData
    /// A loss became NaN or infinite at this epoch (1-based).
    case diverged(epoch: Int)
    /// A single epoch: no trend yet.
    case tooFewEpochs
    /// Both losses ended above where they began.
    case unstable
    /// Validation loss rose from the first epoch on while training loss did not.
    case overfittingFromStart
    /// Validation loss was lowest at `bestEpoch` (1-based) and training loss kept falling after.
    case overfitting(bestEpoch: Int, lowestValidationLoss: Double)
    /// Training loss is high and barely falling.
    case underfitting
    /// Training loss (and validation loss, if given) are still falling.
    case stillLearning
    /// The losses have flattened out without the signs above.
    case levelledOff
  }

  /// Relative rise of `V` above its lowest value that counts as rising (rule 4): 2 %.
  static let riseThreshold = 0.02
  /// Relative fall of `L` after `V`'s lowest epoch that counts as "kept falling" (rule 5): 2 %.
  static let keptFallingThreshold = 0.02
  /// Epochs without a new lowest `V` after which it has stopped improving (rule 5).
  static let patience = 2
  /// Fraction of its first value above which `L` is still high (rule 6): 70 %.
  static let highFraction = 0.7
  /// Relative fall of `L` per epoch, over the last few, that counts as falling (rules 6, 7): 1 %.
  static let fallPerEpoch = 0.01

  /// The verdict.
  public let verdict: Verdict
  /// The verdict as one sentence with the numbers that support it.
  public let sentence: String

  /// Reads the curves: `loss` and `validationLoss` are one value per epoch, as Keras's history
  /// keeps `loss` and `val_loss`; `validationLoss`, `accuracy` and `validationAccuracy` may be
  /// empty.
  public init(loss: [Double], validationLoss: [Double] = [], accuracy: [Double] = [], validationAccuracy: [Double] = [])
  {
    let count = validationLoss.isEmpty ? loss.count : Swift.min(loss.count, validationLoss.count)
    let training = Array(loss.prefix(count))
    let validation = Array(validationLoss.prefix(count))
    verdict = Self.verdict(training: training, validation: validation)
    sentence = Self.sentence(
      for: verdict, training: training, validation: validation, accuracy: accuracy,
      validationAccuracy: validationAccuracy)
  }

  // MARK: - Rules

  private static func verdict(training: [Double], validation: [Double]) -> Verdict {
    let count = training.count
    guard count > 0 else { return .noData }
    if let bad = (0..<count).first(where: {
      !training[$0].isFinite || (!validation.isEmpty && !validation[$0].isFinite)
    }) {
      return .diverged(epoch: bad + 1)
    }
    guard count > 1 else { return .tooFewEpochs }

    var validationStopped = false
    if let lowest = validation.min(), let best = validation.firstIndex(of: lowest) {
      if best == 0 && validation[count - 1] >= lowest + abs(lowest) * riseThreshold {
        return training[count - 1] > training[0] ? .unstable : .overfittingFromStart
      }
      validationStopped = count - 1 - best >= patience
      if validationStopped && training[count - 1] <= training[best] - abs(training[best]) * keptFallingThreshold {
        return .overfitting(bestEpoch: best + 1, lowestValidationLoss: lowest)
      }
    }

    let window = Swift.min(3, count - 1)
    let start = training[count - 1 - window]
    let isFalling = start - training[count - 1] >= abs(start) * fallPerEpoch * Double(window)
    let isHigh = training[count - 1] > training[0] * highFraction
    if isHigh && !isFalling { return .underfitting }
    if isFalling && !validationStopped { return .stillLearning }
    return .levelledOff
  }

  private static func sentence(
    for verdict: Verdict, training: [Double], validation: [Double], accuracy: [Double], validationAccuracy: [Double]
  ) -> String {
    let both = !validation.isEmpty
    switch verdict {
    case .noData:
      return "No epochs have finished yet, so there is nothing to read."
    case .diverged(let epoch):
      return "The loss became NaN or infinite at epoch \(epoch): training diverged; try a smaller learning rate."
    case .tooFewEpochs:
      return "Only one epoch so far: train for more epochs to see a trend."
    case .unstable:
      return "Both losses rose from the first epoch: training is unstable; try a smaller learning rate."
    case .overfittingFromStart:
      let rise = "\(TextLayout.short(validation[0])) → \(TextLayout.short(validation[validation.count - 1]))"
      return "Validation loss rose from the first epoch (\(rise)) while training loss did not: "
        + "the model is overfitting from the start; try a simpler model, more data or dropout."
    case .overfitting(let epoch, let lowest):
      var gap = ""
      if let trained = accuracy.last, let validated = validationAccuracy.last {
        gap = " (accuracy \(TextLayout.short(trained)) on training, \(TextLayout.short(validated)) on validation)"
      }
      return "Validation loss stopped improving after epoch \(epoch) (lowest \(TextLayout.short(lowest))) "
        + "while training loss kept falling\(gap): the model is starting to overfit."
    case .underfitting:
      let accuracyNote = accuracy.last.map { ", accuracy \(TextLayout.short($0))" } ?? ""
      let last = TextLayout.short(training[training.count - 1])
      return "Training loss is high (\(last)\(accuracyNote)) and barely falling: "
        + "the model is underfitting; train longer or use a larger model."
    case .stillLearning:
      return (both ? "Both losses are" : "Training loss is")
        + " still falling: the model is still learning; more epochs may help."
    case .levelledOff:
      return (both ? "Both losses have" : "Training loss has")
        + " levelled off: more epochs are unlikely to help; a larger model or more data might."
    }
  }
}
