import TerminalUI

extension Model {
  /// Returns the model's outputs for every image, computed batch by batch in inference mode
  /// (Keras's `predict`): for a classifier ending in softmax, one row of class probabilities per
  /// image. `argmax(axis: -1)` turns each row into a predicted class.
  ///
  ///     let probabilities = try model.predict(testImages)      // [N, 5]
  ///     let predicted = probabilities.argmax(axis: -1)          // N class indices
  ///
  /// - Throws: `ModelError.inputShapeMismatch` when the images do not have the model's input shape.
  public func predict(_ x: Tensor, batchSize: Int = 32, verbose: Verbosity = .auto) throws -> Tensor {
    guard batchSize > 0 else {
      throw ModelError.invalidArgument(argument: "batchSize", value: "\(batchSize)", requirement: "a positive number")
    }
    let count = x.shape.first ?? 0
    let batches = stride(from: 0, to: count, by: batchSize).lazy.map { start in
      BatchImages.values(x[start..<Swift.min(start + batchSize, count)])
    }
    return try predictBatches(batches, batchCount: (count + batchSize - 1) / batchSize, verbose: verbose)
  }

  /// Returns the model's outputs for every image of a dataset, in the dataset's order; the labels
  /// are ignored. For a shuffled dataset, take the labels from the same pass if you compare them.
  ///
  /// - Throws: `ModelError.inputShapeMismatch` when the images do not have the model's input shape.
  public func predict<Images: Dataset>(_ dataset: Images, verbose: Verbosity = .auto) throws -> Tensor {
    try predictBatches(dataset.makeBatchIterator().lazy.map(\.images), batchCount: dataset.batchCount, verbose: verbose)
  }

  private func predictBatches<Batches: Sequence<BatchImages>>(
    _ batches: Batches, batchCount: Int, verbose: Verbosity
  ) throws -> Tensor {
    var outputs: [Tensor] = []
    var progress = ProgressBar(
      total: batchCount, verbosity: verbose == .auto ? .progressBar : verbose, output: TerminalOutput.current)
    for (index, batch) in batches.enumerated() {
      try prepare(forInput: batch)
      outputs.append(forward(batch, training: false))
      progress.update(step: Swift.min(index + 1, batchCount), logs: Logs())
    }
    guard let first = outputs.first else { throw ModelError.noData(action: "predict on") }
    var scalars: [Float] = []
    scalars.reserveCapacity(outputs.reduce(0) { $0 + $1.scalarCount })
    for output in outputs { scalars += output.scalars }
    return Tensor(shape: [outputs.reduce(0) { $0 + $1.shape[0] }] + first.shape.dropFirst(), scalars: scalars)
  }
}
