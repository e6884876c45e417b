/// Updates a model's weights from their gradients after each batch: how the model learns.
///
/// Pick one by name in `compile`, with Keras's defaults, or create one with your own settings:
///
///     model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy)
///     model.compile(optimizer: .adam(learningRate: 0.0005), loss: .sparseCategoricalCrossentropy)
///     model.compile(optimizer: SGD(learningRate: 0.01, momentum: 0.9), loss: .meanSquaredError)
///
/// The learning rate is the size of each step: too small and learning is slow, too large and the
/// loss bounces around or blows up.
public class Optimizer {
  /// The size of each update step.
  public var learningRate: Float

  /// The number of updates applied so far (Keras's `iterations`).
  public internal(set) var iterations = 0

  /// Keras's class name: `Adam`, `SGD`, `RMSprop`.
  public let className: String

  /// The name Keras gives this kind of optimizer in configs: `adam`, `SGD`, `rmsprop`.
  let kerasName: String

  /// Per-variable state (such as Adam's moment estimates), one list per variable, in the order of
  /// the variables the optimizer was built for.
  var slots: [[Tensor]] = []

  init(className: String, kerasName: String, learningRate: Float) {
    self.className = className
    self.kerasName = kerasName
    self.learningRate = learningRate
  }

  /// Returns the first setting out of its allowed range, as an error naming it, or nil.
  func settingsProblem() -> ModelError? {
    guard learningRate.isFinite && learningRate > 0 else {
      return .invalidArgument(
        argument: "\(className) learningRate", value: "\(learningRate)",
        requirement: "a positive number (Keras's default for \(className) is \(defaultLearningRate))")
    }
    for (name, value) in rateSettings where !(value >= 0 && value < 1) {
      return .invalidArgument(
        argument: "\(className) \(name)", value: "\(value)", requirement: "at least 0 and less than 1")
    }
    return nil
  }

  /// Keras's default learning rate for this optimizer, quoted in messages.
  var defaultLearningRate: Float { 0.001 }

  /// Settings that must lie in `0..<1`, such as Adam's β₁ and β₂.
  var rateSettings: [(String, Float)] { [] }

  /// The number of state tensors kept per variable (Adam 2, RMSprop 1 or more, SGD 0 or 1).
  var slotsPerVariable: Int { 0 }

  /// Whether Keras keeps this optimizer's slots kind by kind (every variable's first slot, then
  /// every variable's second…) rather than variable by variable; see `KerasFile+OptimizerSlots`.
  var kerasGroupsSlotsByKind: Bool { false }

  /// Applies one update to `value` from `gradient`, using and changing this variable's `slots`.
  /// `step` counts updates from 1.
  func update(_ value: inout Tensor, gradient: Tensor, slots: inout [Tensor], step: Int) {
    preconditionFailure("\(className) must implement update(_:gradient:slots:step:)")
  }

  /// The optimizer's own settings, in Keras's key order, after the common ones.
  var argumentsConfig: JSONObject { JSONObject() }

  /// Whether the optimizer has created its state for a model's variables.
  var isBuilt: Bool { !slots.isEmpty }

  /// Whether the optimizer's state was made for exactly these variables' shapes.
  func matches(_ variables: [Variable]) -> Bool {
    slots.count == variables.count
      && zip(slots, variables).allSatisfy { slots, variable in slots.allSatisfy { $0.shape == variable.shape } }
  }

  /// Creates zeroed state for `variables` if it does not exist yet.
  func build(for variables: [Variable]) {
    guard slots.isEmpty else { return }
    slots = variables.map { variable in
      (0..<slotsPerVariable).map { _ in Tensor(zeros: variable.shape) }
    }
  }

  /// Updates every variable from its gradient, then clears the gradients.
  func apply(to variables: [Variable]) {
    build(for: variables)
    precondition(slots.count == variables.count, "optimizer state does not match the model's variables")
    iterations += 1
    for (index, variable) in variables.enumerated() {
      update(&variable.value, gradient: variable.gradient, slots: &slots[index], step: iterations)
      variable.clearGradient()
    }
  }

  /// The number of values the optimizer stores once built: `iterations`, the learning rate and the
  /// slots, as Keras counts them for "Optimizer params" in a summary.
  var parameterCount: Int {
    guard isBuilt else { return 0 }
    return 2 + slots.reduce(0) { $0 + $1.reduce(0) { $0 + $1.scalarCount } }
  }

  /// The memory those values take: 8 bytes for the 64-bit `iterations`, 4 for every float.
  var parameterBytes: Int {
    guard isBuilt else { return 0 }
    return 8 + 4 * (parameterCount - 1)
  }

  /// The optimizer's configuration as Keras writes it in `compile_config`.
  public var config: JSONObject {
    var config: JSONObject = [
      "name": .string(kerasName),
      "learning_rate": .number(Double(learningRate)),
      "weight_decay": nil,
      "clipnorm": nil,
      "global_clipnorm": nil,
      "clipvalue": nil,
      "use_ema": false,
      "ema_momentum": 0.99,
      "ema_overwrite_frequency": nil,
      "loss_scale_factor": nil,
      "gradient_accumulation_steps": nil,
    ]
    for (key, value) in argumentsConfig { config[key] = value }
    return config
  }
}

extension Optimizer {
  /// Adam with Keras's defaults: learning rate 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7.
  public static func adam(
    learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7
  ) -> Optimizer {
    Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
  }

  /// Stochastic gradient descent with Keras's defaults: learning rate 0.01, no momentum.
  public static func sgd(learningRate: Float = 0.01, momentum: Float = 0, nesterov: Bool = false) -> Optimizer {
    SGD(learningRate: learningRate, momentum: momentum, nesterov: nesterov)
  }

  /// RMSprop with Keras's defaults: learning rate 0.001, ρ 0.9, no momentum, ε 1e-7.
  public static func rmsprop(
    learningRate: Float = 0.001, rho: Float = 0.9, momentum: Float = 0, epsilon: Float = 1e-7,
    centered: Bool = false
  ) -> Optimizer {
    RMSprop(learningRate: learningRate, rho: rho, momentum: momentum, epsilon: epsilon, centered: centered)
  }
}
