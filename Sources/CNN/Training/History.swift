/// What `fit` returns: the loss and metrics at the end of every epoch, for plotting learning
/// curves and spotting overfitting (Keras's `History`).
///
///     let history = try model.fit(trainingSet, epochs: 10, validationData: validationSet)
///     history.history["val_loss"]   // one value per epoch
///     history.epochs                // [0, 1, …, 9]
public struct History: Equatable, Sendable {
  /// Every logged value by name (`loss`, `accuracy`, `val_loss`, `val_accuracy`), one per epoch.
  public private(set) var history: [String: [Double]] = [:]

  /// The names in Keras's order (alphabetical): `accuracy, loss, val_accuracy, val_loss`.
  public private(set) var keys: [String] = []

  /// The index of each completed epoch, from 0.
  public private(set) var epochs: [Int] = []

  /// Why training ended.
  public internal(set) var stopReason: StopReason = .completed

  /// Why `fit` returned.
  public enum StopReason: Equatable, Sendable {
    /// Every requested epoch ran.
    case completed
    /// A callback, such as `EarlyStopping`, asked to stop after `epoch` (from 0).
    case stoppedByCallback(epoch: Int)
    /// Ctrl-C was pressed during epoch `epoch` (from 0); that epoch is not in the history.
    case interrupted(epoch: Int, batch: Int)
    /// The loss became NaN or infinite in epoch `epoch` (from 0), at batch `batch` (from 1).
    case lossNotFinite(epoch: Int, batch: Int)
  }

  /// The training loss per epoch.
  public var loss: [Double] { history["loss"] ?? [] }
  /// The training accuracy per epoch (empty without the accuracy metric).
  public var accuracy: [Double] { history["accuracy"] ?? [] }
  /// The validation loss per epoch (empty without validation data).
  public var validationLoss: [Double] { history["val_loss"] ?? [] }
  /// The validation accuracy per epoch (empty without validation data or the accuracy metric).
  public var validationAccuracy: [Double] { history["val_accuracy"] ?? [] }

  /// Records the logs at the end of `epoch`.
  mutating func append(epoch: Int, logs: Logs) {
    epochs.append(epoch)
    for (name, value) in logs {
      if history[name] == nil { keys.append(name) }
      history[name, default: []].append(value)
    }
  }
}
