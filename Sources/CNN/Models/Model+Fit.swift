import TerminalUI

extension Model {
  /// Trains the model on a dataset for a number of epochs, and returns the loss and metrics of
  /// every epoch (Keras's `fit`).
  ///
  ///     let history = try model.fit(trainingSet, epochs: 10, validationData: validationSet)
  ///
  /// Each epoch is one pass over `trainingSet`, one optimizer step per batch. The loss and metrics
  /// printed and recorded are running means over the epoch, measured before each step, with dropout
  /// active; the validation values are measured at the end of the epoch, in inference mode.
  ///
  /// Training stops early, keeping what was learned and returning the history so far, when a
  /// callback asks (`EarlyStopping`), when you press Ctrl-C (after the current batch), or when the
  /// loss becomes NaN or infinite (with a message naming the likely causes).
  ///
  /// - Throws: `ModelError` when the model is not compiled or the data does not fit it.
  @discardableResult
  public func fit<Training: Dataset>(
    _ trainingSet: Training, epochs: Int = 1, verbose: Verbosity = .auto, callbacks: [Callback] = [],
    validationData: (any Dataset)? = nil
  ) throws -> History {
    var loop = try TrainingLoop(
      model: self, epochs: epochs, verbose: verbose, callbacks: callbacks, validationData: validationData)
    return try loop.run(trainingSet, batchCount: trainingSet.batchCount)
  }

  /// Trains the model on images and labels in memory for a number of epochs, and returns the loss
  /// and metrics of every epoch (Keras's `fit(x, y, …)`).
  ///
  ///     let history = try model.fit(images, labels, batchSize: 32, epochs: 5, validationSplit: 0.2)
  ///
  /// - Parameters:
  ///   - x: the inputs, `[N, …]`.
  ///   - y: the labels: `[N]` class indices for `sparseCategoricalCrossentropy`, `[N, classes]`
  ///     one-hot rows for `categoricalCrossentropy`.
  ///   - batchSize: items per optimizer step (Keras's default, 32).
  ///   - validationSplit: the fraction of items, taken from the end before any shuffling, kept
  ///     aside to validate on.
  ///   - validationData: images and labels to validate on; takes precedence over `validationSplit`.
  ///   - shuffle: whether to visit the training items in a new order every epoch.
  /// - Throws: `ModelError` when the model is not compiled, an argument is out of range, or the
  ///   data does not fit the model.
  @discardableResult
  public func fit(
    _ x: Tensor, _ y: Tensor, batchSize: Int = 32, epochs: Int = 1, verbose: Verbosity = .auto,
    callbacks: [Callback] = [], validationSplit: Double = 0, validationData: (Tensor, Tensor)? = nil,
    shuffle: Bool = true
  ) throws -> History {
    guard (0..<1).contains(validationSplit) else {
      throw ModelError.invalidArgument(
        argument: "validationSplit", value: "\(validationSplit)", requirement: "at least 0 and less than 1")
    }
    let count = x.shape.first ?? 0
    guard y.shape.first == count else {
      throw ModelError.sampleCountMismatch(images: count, labels: y.shape.first ?? 0)
    }
    var (trainingX, trainingY) = (x, y)
    var validation: TensorDataset?
    if let (validationX, validationY) = validationData {
      validation = try TensorDataset(images: validationX, labels: validationY, batchSize: batchSize)
    } else if validationSplit > 0 {
      let splitAt = Int((Double(count) * (1 - validationSplit)).rounded(.down))
      (trainingX, trainingY) = (x[0..<splitAt], y[0..<splitAt])
      validation = try TensorDataset(images: x[splitAt..<count], labels: y[splitAt..<count], batchSize: batchSize)
    }
    let trainingSet = try TensorDataset(images: trainingX, labels: trainingY, batchSize: batchSize, shuffle: shuffle)
    return try fit(trainingSet, epochs: epochs, verbose: verbose, callbacks: callbacks, validationData: validation)
  }
}

/// The epochs-and-batches loop behind `fit`, with its progress display, callbacks and stop rules.
struct TrainingLoop {
  let model: Model
  let epochs: Int
  let verbose: Verbosity
  let callbacks: [Callback]
  let validationData: (any Dataset)?
  let optimizer: Optimizer
  let loss: Loss
  let output = TerminalOutput.current

  init(model: Model, epochs: Int, verbose: Verbosity, callbacks: [Callback], validationData: (any Dataset)?) throws {
    guard epochs >= 1 else {
      throw ModelError.invalidArgument(argument: "epochs", value: "\(epochs)", requirement: "at least 1")
    }
    (optimizer, loss) = try model.compiledState()
    if let problem = optimizer.settingsProblem() { throw problem }
    if optimizer.isBuilt && !optimizer.matches(model.trainableVariables) {
      throw ModelError.optimizerInUse(model: model.name)
    }
    self.model = model
    self.epochs = epochs
    self.verbose = verbose == .auto ? .progressBar : verbose
    self.callbacks = callbacks
    self.validationData = validationData
  }

  mutating func run<Training: Dataset>(_ trainingSet: Training, batchCount: Int) throws -> History {
    guard batchCount > 0 else { throw ModelError.noData(action: "train on") }
    var history = History()
    var lastLogs = Logs()
    AllocatorTuning.keepFreedMemory
    let ticket = InterruptSignal.shared.startListening()
    defer { InterruptSignal.shared.stopListening() }
    model.stopTraining = false
    for callback in callbacks { callback.onTrainBegin(model: model) }
    epochLoop: for epoch in 0..<epochs {
      if verbose != .silent && epochs > 1 { output.writeLine("Epoch \(epoch + 1)/\(epochs)") }
      for callback in callbacks { callback.onEpochBegin(epoch, model: model) }
      var means = RunningMeans(metrics: model.metrics)
      var progress = ProgressBar(total: batchCount, verbosity: verbose, output: output)
      for (batchIndex, batch) in trainingSet.makeBatchIterator().enumerated() {
        let result = try model.trainStep(images: batch.images, labels: batch.labels, optimizer: optimizer, loss: loss)
        guard result.loss.isFinite else {
          reportNonFiniteLoss(result.loss, epoch: epoch, batch: batchIndex + 1, images: batch.images.tensor)
          history.stopReason = .lossNotFinite(epoch: epoch, batch: batchIndex + 1)
          break epochLoop
        }
        means.add(result)
        let logs = means.logs
        if batchIndex + 1 < batchCount { progress.update(step: batchIndex + 1, logs: logs) }
        for callback in callbacks { callback.onBatchEnd(batchIndex, logs: logs, model: model) }
        if InterruptSignal.shared.wasInterrupted(since: ticket) {
          reportInterrupt(epoch: epoch, batch: batchIndex + 1, batchCount: batchCount)
          history.stopReason = .interrupted(epoch: epoch, batch: batchIndex + 1)
          break epochLoop
        }
      }
      var logs = means.logs
      if let validationData {
        // The stopwatch times training steps: a validation pass is not one.
        let isTiming = model.stopwatch.isRunning
        model.stopwatch.stop()
        defer { if isTiming { model.stopwatch.start() } }
        logs = logs.merged(with: try evaluate(validationData).prefixed("val_")).sortedByName()
      }
      progress.update(step: batchCount, logs: logs)
      history.append(epoch: epoch, logs: logs)
      lastLogs = logs
      for callback in callbacks { callback.onEpochEnd(epoch, logs: logs, model: model) }
      if model.stopTraining {
        history.stopReason = .stoppedByCallback(epoch: epoch)
        break
      }
    }
    for callback in callbacks { callback.onTrainEnd(logs: lastLogs, model: model) }
    return history
  }

  private func evaluate(_ dataset: any Dataset) throws -> Logs {
    try model.measure(dataset, loss: loss, verbose: .silent)
  }

  private func reportInterrupt(epoch: Int, batch: Int, batchCount: Int) {
    let kept = epoch == 0 ? "no complete epoch" : "\(epoch) complete epoch\(epoch == 1 ? "" : "s")"
    output.write(output.isTerminal && verbose == .progressBar ? "\n" : "")
    output.writeLine(
      "Training interrupted (Ctrl-C) in epoch \(epoch + 1), after batch \(batch) of \(batchCount). "
        + "The model keeps the weights learned so far; the history holds \(kept).")
  }

  private func reportNonFiniteLoss(_ value: Double, epoch: Int, batch: Int, images: Tensor) {
    let largestInput = images.scalars.lazy.map { Swift.abs($0) }.max() ?? 0
    var causes = [
      "the learning rate is too high (try a smaller one, such as 0.001 for Adam)",
      "the inputs are not rescaled (pixel values of 0 to 255 need Rescaling(scale: 1.0 / 255) or dividing by 255)",
    ]
    if largestInput > 10 { causes.reverse() }
    output.write(output.isTerminal && verbose == .progressBar ? "\n" : "")
    output.writeLine(
      """
      Training stopped in epoch \(epoch + 1) at batch \(batch): the loss became \(value.isNaN ? "NaN" : "infinite"). \
      The weights are those from before this batch. Likely causes: \(causes[0]); or \(causes[1]). \
      (The largest input value in this batch is \(largestInput).)
      """)
  }
}
