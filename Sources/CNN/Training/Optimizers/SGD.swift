/// Stochastic gradient descent: each weight takes a step against its gradient, optionally with
/// momentum, which keeps part of the previous step. Keras's update rules:
///
///     no momentum:  w ← w − lr · g
///     momentum μ:   m ← μ·m − lr·g;   w ← w + m
///     Nesterov:     m ← μ·m − lr·g;   w ← w + μ·m − lr·g
public final class SGD: Optimizer {
  /// The fraction of the previous step kept in the next one, in `0...1`.
  public let momentum: Float
  /// Whether to look ahead along the momentum (Nesterov's variant).
  public let nesterov: Bool

  /// Creates an SGD optimizer. Keras defaults: learning rate 0.01, no momentum, no Nesterov.
  public init(learningRate: Float = 0.01, momentum: Float = 0, nesterov: Bool = false) {
    self.momentum = momentum
    self.nesterov = nesterov
    super.init(className: "SGD", kerasName: "SGD", learningRate: learningRate)
  }

  override var slotsPerVariable: Int { momentum > 0 ? 1 : 0 }

  override var defaultLearningRate: Float { 0.01 }

  override func settingsProblem() -> ModelError? {
    guard momentum >= 0 && momentum <= 1 else {
      return .invalidArgument(argument: "SGD momentum", value: "\(momentum)", requirement: "between 0 and 1")
    }
    return super.settingsProblem()
  }

  override func update(_ value: inout Tensor, gradient: Tensor, slots: inout [Tensor], step: Int) {
    guard momentum > 0 else {
      for i in value.scalars.indices { value.scalars[i] -= learningRate * gradient.scalars[i] }
      return
    }
    for i in value.scalars.indices {
      let g = gradient.scalars[i]
      slots[0].scalars[i] = (momentum * slots[0].scalars[i] - learningRate * g).flushedToZero
      value.scalars[i] += nesterov ? momentum * slots[0].scalars[i] - learningRate * g : slots[0].scalars[i]
    }
  }

  override var argumentsConfig: JSONObject {
    ["momentum": .number(Double(momentum)), "nesterov": .bool(nesterov)]
  }
}
