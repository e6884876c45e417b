/// RMSprop: divides each step by a running root-mean-square of recent gradients, so weights with
/// large gradients take smaller steps. Keras's update rule:
///
///     v ← ρ·v + (1 − ρ)·g²
///     centered: a ← ρ·a + (1 − ρ)·g;  d ← v − a² + ε;  otherwise d ← v + ε
///     step ← lr · g / √d
///     momentum μ > 0: m ← μ·m + step; w ← w − m;  otherwise w ← w − step
///
/// (ε sits inside the square root here, unlike Adam.)
public final class RMSprop: Optimizer {
  /// The decay rate of the running mean of squared gradients.
  public let rho: Float
  /// The fraction of the previous step kept in the next one.
  public let momentum: Float
  /// A small number that keeps the step finite.
  public let epsilon: Float
  /// Whether to divide by the variance of the gradients rather than their mean square.
  public let centered: Bool

  /// Creates an RMSprop optimizer. Keras defaults: learning rate 0.001, ρ 0.9, no momentum,
  /// ε 1e-7, not centered.
  public init(
    learningRate: Float = 0.001, rho: Float = 0.9, momentum: Float = 0, epsilon: Float = 1e-7, centered: Bool = false
  ) {
    self.rho = rho
    self.momentum = momentum
    self.epsilon = epsilon
    self.centered = centered
    super.init(className: "RMSprop", kerasName: "rmsprop", learningRate: learningRate)
  }

  /// Slot 0 holds v; then the momentum m if used; then the mean gradient a if centered.
  override var slotsPerVariable: Int { 1 + (momentum > 0 ? 1 : 0) + (centered ? 1 : 0) }

  override var kerasGroupsSlotsByKind: Bool { true }

  override var rateSettings: [(String, Float)] { [("rho", rho), ("momentum", momentum)] }

  override func update(_ value: inout Tensor, gradient: Tensor, slots: inout [Tensor], step: Int) {
    let momentumSlot = momentum > 0 ? 1 : nil
    let averageSlot = centered ? slotsPerVariable - 1 : nil
    for i in value.scalars.indices {
      let g = gradient.scalars[i]
      slots[0].scalars[i] = (rho * slots[0].scalars[i] + (1 - rho) * g * g).flushedToZero
      var denominator = slots[0].scalars[i] + epsilon
      if let averageSlot {
        slots[averageSlot].scalars[i] = (rho * slots[averageSlot].scalars[i] + (1 - rho) * g).flushedToZero
        denominator -= slots[averageSlot].scalars[i] * slots[averageSlot].scalars[i]
      }
      let increment = learningRate * g / denominator.squareRoot()
      if let momentumSlot {
        slots[momentumSlot].scalars[i] = (momentum * slots[momentumSlot].scalars[i] + increment).flushedToZero
        value.scalars[i] -= slots[momentumSlot].scalars[i]
      } else {
        value.scalars[i] -= increment
      }
    }
  }

  override var argumentsConfig: JSONObject {
    [
      "rho": .number(Double(rho)),
      "momentum": .number(Double(momentum)),
      "epsilon": .number(Double(epsilon)),
      "centered": .bool(centered),
    ]
  }
}
