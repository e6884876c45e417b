/// Code that `fit` runs at fixed points of training: to stop early, save the best model, or show
/// progress. Implement the methods you need; the others do nothing.
///
/// Epochs and batches are counted from 0, as in Keras's callbacks (the progress line counts
/// epochs from 1, as Keras prints them).
public protocol Callback: AnyObject {
  /// Called once before the first epoch.
  func onTrainBegin(model: Model)
  /// Called before each epoch.
  func onEpochBegin(_ epoch: Int, model: Model)
  /// Called after each batch with the running means of the epoch so far.
  func onBatchEnd(_ batch: Int, logs: Logs, model: Model)
  /// Called after each epoch with its final logs, validation results included. Set
  /// `model.stopTraining` to end training here.
  func onEpochEnd(_ epoch: Int, logs: Logs, model: Model)
  /// Called once when training ends, however it ends.
  func onTrainEnd(logs: Logs, model: Model)
}

extension Callback {
  /// Does nothing.
  public func onTrainBegin(model: Model) {}
  /// Does nothing.
  public func onEpochBegin(_ epoch: Int, model: Model) {}
  /// Does nothing.
  public func onBatchEnd(_ batch: Int, logs: Logs, model: Model) {}
  /// Does nothing.
  public func onEpochEnd(_ epoch: Int, logs: Logs, model: Model) {}
  /// Does nothing.
  public func onTrainEnd(logs: Logs, model: Model) {}
}

/// A callback made of closures, for small jobs without a class of their own (Keras's
/// `LambdaCallback`):
///
///     let printer = LambdaCallback(onEpochEnd: { epoch, logs in print(epoch, logs["loss"] ?? 0) })
public final class LambdaCallback: Callback {
  private let epochBegin: ((Int) -> Void)?
  private let epochEnd: ((Int, Logs) -> Void)?
  private let batchEnd: ((Int, Logs) -> Void)?
  private let trainBegin: (() -> Void)?
  private let trainEnd: ((Logs) -> Void)?

  /// Creates a callback that calls the given closures.
  public init(
    onEpochBegin: ((Int) -> Void)? = nil, onEpochEnd: ((Int, Logs) -> Void)? = nil,
    onBatchEnd: ((Int, Logs) -> Void)? = nil, onTrainBegin: (() -> Void)? = nil, onTrainEnd: ((Logs) -> Void)? = nil
  ) {
    self.epochBegin = onEpochBegin
    self.epochEnd = onEpochEnd
    self.batchEnd = onBatchEnd
    self.trainBegin = onTrainBegin
    self.trainEnd = onTrainEnd
  }

  /// Calls the `onTrainBegin` closure.
  public func onTrainBegin(model: Model) { trainBegin?() }
  /// Calls the `onEpochBegin` closure with the epoch (from 0).
  public func onEpochBegin(_ epoch: Int, model: Model) { epochBegin?(epoch) }
  /// Calls the `onBatchEnd` closure with the batch (from 0) and the running logs.
  public func onBatchEnd(_ batch: Int, logs: Logs, model: Model) { batchEnd?(batch, logs) }
  /// Calls the `onEpochEnd` closure with the epoch (from 0) and its logs.
  public func onEpochEnd(_ epoch: Int, logs: Logs, model: Model) { epochEnd?(epoch, logs) }
  /// Calls the `onTrainEnd` closure with the last epoch's logs.
  public func onTrainEnd(logs: Logs, model: Model) { trainEnd?(logs) }
}
