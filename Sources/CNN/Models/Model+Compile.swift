extension Model {
  /// Sets how the model learns: the optimizer that updates the weights, the loss that measures how
  /// wrong the predictions are, and the metrics reported along the way (Keras's `compile`).
  ///
  ///     model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
  ///
  /// Compiling again replaces all three and starts the optimizer afresh; the weights are kept.
  ///
  /// - Parameters:
  ///   - optimizer: Keras's default is RMSprop; the lesson uses `.adam()`.
  ///   - loss: how predictions are compared with labels.
  ///   - metrics: values reported by `fit` and `evaluate`, such as `.accuracy`.
  public func compile(optimizer: Optimizer = .rmsprop(), loss: Loss, metrics: [Metric] = []) {
    self.optimizer = optimizer
    self.loss = loss
    self.metrics = metrics
  }

  /// Returns the optimizer and loss, or throws if the model was not compiled.
  func compiledState() throws -> (optimizer: Optimizer, loss: Loss) {
    guard let optimizer, let loss else { throw ModelError.notCompiled(model: name) }
    return (optimizer, loss)
  }
}
