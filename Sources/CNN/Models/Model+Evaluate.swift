import TerminalUI

extension Model {
  /// Measures the loss and metrics on a dataset, without training (Keras's `evaluate`).
  ///
  ///     let results = try model.evaluate(testSet)
  ///     results["accuracy"]   // the fraction of test images classified correctly
  ///
  /// - Returns: the loss and each metric, averaged over every item, sorted by name.
  /// - Throws: `ModelError` when the model is not compiled or the data does not fit it.
  public func evaluate<Test: Dataset>(_ testSet: Test, verbose: Verbosity = .auto) throws -> Logs {
    let (_, loss) = try compiledState()
    return try measure(testSet, loss: loss, verbose: verbose)
  }

  /// Measures the loss and metrics on images and labels in memory (Keras's `evaluate(x, y)`).
  ///
  /// - Throws: `ModelError` when the model is not compiled or the data does not fit it.
  public func evaluate(_ x: Tensor, _ y: Tensor, batchSize: Int = 32, verbose: Verbosity = .auto) throws -> Logs {
    try evaluate(try TensorDataset(images: x, labels: y, batchSize: batchSize), verbose: verbose)
  }

  /// Runs every batch of `dataset` in inference mode and returns the running means at the end.
  func measure(_ dataset: some Dataset, loss: Loss, verbose: Verbosity) throws -> Logs {
    let batchCount = dataset.batchCount
    var means = RunningMeans(metrics: metrics)
    var progress = ProgressBar(
      total: batchCount, verbosity: verbose == .auto ? .progressBar : verbose, output: TerminalOutput.current)
    var seen = 0
    for (index, batch) in dataset.makeBatchIterator().enumerated() {
      means.add(try testStep(images: batch.images, labels: batch.labels, loss: loss))
      seen += batch.images.shape.first ?? 0
      progress.update(step: Swift.min(index + 1, batchCount), logs: means.logs)
    }
    guard seen > 0 else { throw ModelError.noData(action: "evaluate on") }
    return means.logs
  }
}
