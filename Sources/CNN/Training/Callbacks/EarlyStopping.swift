import TerminalUI

/// Stops training when a monitored value (by default the validation loss) has stopped improving,
/// and can put back the weights from the best epoch: the usual guard against overfitting and
/// wasted time (Keras's `EarlyStopping`).
///
///     let stop = EarlyStopping(monitor: "val_loss", patience: 3, restoreBestWeights: true)
///     try model.fit(trainingSet, epochs: 50, validationData: validationSet, callbacks: [stop])
public final class EarlyStopping: Callback {
  /// The logged value watched, such as `val_loss` or `val_accuracy`.
  public let monitor: String
  /// The smallest change that counts as an improvement.
  public let minDelta: Double
  /// How many epochs without improvement to allow before stopping.
  public let patience: Int
  /// Whether smaller or larger values are better.
  public let mode: MonitorMode
  /// Whether to restore the weights of the best epoch when training ends.
  public let restoreBestWeights: Bool
  /// Whether to print when training stops early and when weights are restored.
  public let verbose: Bool

  /// The epoch (from 0) after which training was stopped, if it was.
  public private(set) var stoppedEpoch: Int?
  /// The epoch (from 0) with the best monitored value so far.
  public private(set) var bestEpoch: Int?
  /// The best monitored value so far.
  public private(set) var best: Double

  private var wait = 0
  private var bestWeights: [Tensor]?
  private let resolvedMode: MonitorMode

  /// Creates an early-stopping callback. Keras defaults: monitor `val_loss`, no minimum change,
  /// patience 0, mode `.auto`, weights not restored. Unlike Keras, it says when it stops unless
  /// `verbose` is false, so a learner sees why training ended before the last epoch.
  public init(
    monitor: String = "val_loss", minDelta: Double = 0, patience: Int = 0, mode: MonitorMode = .auto,
    restoreBestWeights: Bool = false, verbose: Bool = true
  ) {
    self.verbose = verbose
    self.monitor = monitor
    self.minDelta = minDelta
    self.patience = patience
    self.mode = mode
    self.restoreBestWeights = restoreBestWeights
    self.resolvedMode = mode.resolved(for: monitor)
    self.best = resolvedMode.worstValue
  }

  /// Forgets the previous run's best value and weights.
  public func onTrainBegin(model: Model) {
    wait = 0
    stoppedEpoch = nil
    bestEpoch = nil
    bestWeights = nil
    best = resolvedMode.worstValue
  }

  /// Records an improvement, or counts an epoch without one and stops training after `patience`.
  public func onEpochEnd(_ epoch: Int, logs: Logs, model: Model) {
    guard let current = logs[monitor] else {
      let available = logs.map(\.name).joined(separator: ", ")
      TerminalOutput.current.writeLine(
        "EarlyStopping: \"\(monitor)\" is not in the logs (available: \(available)); nothing to monitor.")
      return
    }
    wait += 1
    if resolvedMode.improves(current, over: best, minDelta: minDelta) {
      best = current
      bestEpoch = epoch
      if restoreBestWeights { bestWeights = model.weights }
      wait = 0
      return
    }
    if wait >= patience && epoch > 0 {
      stoppedEpoch = epoch
      model.stopTraining = true
    }
  }

  /// Says where training stopped and restores the best weights if asked to.
  public func onTrainEnd(logs: Logs, model: Model) {
    if let stoppedEpoch, verbose {
      TerminalOutput.current.writeLine("Epoch \(stoppedEpoch + 1): early stopping")
    }
    if restoreBestWeights, let bestWeights, let bestEpoch {
      try? model.setWeights(bestWeights)
      guard verbose else { return }
      TerminalOutput.current.writeLine("Restoring model weights from the end of the best epoch: \(bestEpoch + 1).")
    }
  }
}
