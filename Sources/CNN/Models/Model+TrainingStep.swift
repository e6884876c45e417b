/// What one batch contributed: the mean loss and, per metric, how many predictions were right.
struct BatchResult {
  var loss: Double
  var correct: [Int]
  var count: Int
}

extension Model {
  /// The last layer, when its activation can be fused with `loss` (softmax with a categorical
  /// cross-entropy, sigmoid with the binary one): the loss then starts from its scores.
  func fusedOutputLayer(for loss: Loss) -> ActivatedLayer? {
    guard let activation = loss.fusableActivation,
      let last = computingLayers.last as? ActivatedLayer, last.activation == activation
    else { return nil }
    return last
  }

  /// Returns the loss of the last forward pass and its gradient, taken with respect to the scores
  /// before the last activation when the two can be fused, otherwise with respect to the output.
  func lossAndGradient(output: Tensor, targets: Tensor, loss: Loss) -> (loss: Double, gradient: Tensor, isFused: Bool) {
    if let fused = fusedOutputLayer(for: loss), let scores = fused.lastPreActivation {
      let (value, gradient) = loss.evaluate(scores: scores, targets: targets)
      return (value, gradient, true)
    }
    let (value, gradient) = loss.evaluate(predictions: output, targets: targets)
    return (value, gradient, false)
  }

  /// Sends `gradient` back through the layers, adding to the variables' gradients. It stops at
  /// the first layer with variables, whose input gradient is not computed: nothing before it
  /// learns (a `Rescaling` in front of the first convolution needs no gradient). Each layer is
  /// given its output gradient to own (see `Layer.backward`).
  ///
  /// Two steps are fused: with `isFused` the gradient is already with respect to the last layer's
  /// scores before its activation (see `lossAndGradient`), and a `MaxPooling2D` after a layer
  /// ending in ReLU applies ReLU's derivative as it routes the gradient, so that layer skips its
  /// own pass over a gradient as large as its output. When that layer is a windowed convolution,
  /// it reads the pooling's gradient image by image instead (see
  /// `Conv2D.backward(pooledGradient:from:needsInputGradient:)`).
  func backward(_ gradient: consuming Tensor, isFused: Bool) {
    let layers = computingLayers
    guard let firstLearning = layers.firstIndex(where: { !$0.variables.isEmpty }) else { return }
    var gradient = gradient
    // Whether `gradient` is with respect to layers[index]'s scores before its activation.
    var isBeforeActivation = isFused && layers.last is ActivatedLayer
    // The layer whose backward pass was done with the layer after it.
    var skipped: Int?
    for index in (firstLearning..<layers.count).reversed() where index != skipped {
      let layer = layers[index]
      let needsInputGradient = index > firstLearning
      let start = stopwatch.now()
      if isBeforeActivation, let activated = layer as? ActivatedLayer {
        let preActivationGradient = consume gradient
        if needsInputGradient {
          gradient = activated.backward(preActivationGradient: preActivationGradient)
        } else {
          activated.backwardSkippingInputGradient(preActivationGradient: preActivationGradient)
          gradient = Tensor(zeros: [0])
        }
        RecycledArrays.shared.recycle(preActivationGradient.scalars)
        isBeforeActivation = false
      } else if let pool = layer as? MaxPooling2D, pool.canRectifyGradient,
        let before = layers[index - 1] as? ActivatedLayer, before.activation == .relu
      {
        if let convolution = before as? Conv2D,
          let inputGradient = convolution.backward(
            pooledGradient: gradient, from: pool, needsInputGradient: index - 1 > firstLearning)
        {
          // The convolution's gradients are done, its output gradient never stored.
          RecycledArrays.shared.recycle(gradient.scalars)
          stopwatch.add(since: start, toLayer: index - 1, of: layers, .backward)
          gradient = inputGradient
          skipped = index - 1
          continue
        }
        gradient = pool.backward(consume gradient, rectifying: true)
        isBeforeActivation = true
      } else if needsInputGradient {
        gradient = layer.backward(consume gradient)
      } else {
        layer.backwardSkippingInputGradient(consume gradient)
        gradient = Tensor(zeros: [0])
      }
      stopwatch.add(since: start, toLayer: index, of: layers, .backward)
    }
  }

  /// Runs one training step: forward with dropout on, loss and metrics on these (pre-update)
  /// weights as Keras reports them, backward, and one optimizer update, unless the loss is not
  /// finite, in which case the weights are left as they were.
  func trainStep(images: BatchImages, labels: Tensor, optimizer: Optimizer, loss: Loss) throws -> BatchResult {
    try prepare(forInput: images)
    let targets = try loss.targets(for: labels, outputShape: outputShape ?? [], count: images.shape[0])
    let output = forward(images, training: true)
    let (value, gradient, isFused) = stopwatch.timeLoss {
      lossAndGradient(output: output, targets: targets, loss: loss)
    }
    let correct = metrics.map { $0.correctCount(predictions: output, targets: targets) }
    guard value.isFinite else { return BatchResult(loss: value, correct: correct, count: images.shape[0]) }
    backward(gradient, isFused: isFused)
    stopwatch.timeUpdate { optimizer.apply(to: trainableVariables) }
    return BatchResult(loss: value, correct: correct, count: images.shape[0])
  }

  /// Runs one batch in inference mode and measures it.
  func testStep(images: BatchImages, labels: Tensor, loss: Loss) throws -> BatchResult {
    try prepare(forInput: images)
    let targets = try loss.targets(for: labels, outputShape: outputShape ?? [], count: images.shape[0])
    let output = forward(images, training: false)
    let value = lossAndGradient(output: output, targets: targets, loss: loss).loss
    let correct = metrics.map { $0.correctCount(predictions: output, targets: targets) }
    return BatchResult(loss: value, correct: correct, count: images.shape[0])
  }
}

/// Running means over the batches of an epoch, each batch weighted by its size, as Keras's
/// `Mean` metrics do: the epoch's loss is the mean over every item, not over batches.
struct RunningMeans {
  private var lossSum = 0.0
  private var correct: [Int]
  private var count = 0
  private let metrics: [Metric]

  init(metrics: [Metric]) {
    self.metrics = metrics
    self.correct = Array(repeating: 0, count: metrics.count)
  }

  mutating func add(_ batch: BatchResult) {
    lossSum += batch.loss * Double(batch.count)
    for i in correct.indices { correct[i] += batch.correct[i] }
    count += batch.count
  }

  /// The means so far, sorted by name as Keras 3 reports them.
  var logs: Logs {
    let total = Double(Swift.max(count, 1))
    var entries = [(name: String, value: Double)]([("loss", lossSum / total)])
    for (metric, right) in zip(metrics, correct) { entries.append((metric.name, Double(right) / total)) }
    return Logs(entries).sortedByName()
  }
}
