/// A building block of a model: it takes a batch of data, transforms it and passes the result on.
///
/// A layer builds itself from the shape of its first input, as in Keras: `Conv2D(filters: 16,
/// kernelSize: 3)` learns how many channels its input has only when it first sees it, and then
/// creates its kernel. Shapes here are per item, without the batch axis: `[32, 32, 3]` for a
/// colour image, written `(None, 32, 32, 3)` in summaries.
///
/// Call a layer on a tensor to run it, or on the output of another layer to build a model in the
/// functional style:
///
///     let inputs = Input(shape: [32, 32, 3])
///     let x = try Conv2D(filters: 16, kernelSize: 3, activation: .relu)(inputs)
///     x.shape                               // [nil, 30, 30, 16]
///
/// Each layer owns its forward pass, its backward pass (the gradients training needs), its
/// variables, its output shape and a Keras-shaped `config`.
public class Layer {
  /// The layer's name, unique in the process unless you chose it: `conv2d`, `conv2d_1`, ….
  public let name: String

  /// The Keras class name shown in summaries and saved in configs: `Conv2D`, `InputLayer`.
  public let className: String

  /// The per-item shape the layer was built for, or nil before it is built.
  public internal(set) var inputShape: [Int]?

  /// The per-item shape the layer produces, or nil before it is built.
  public internal(set) var outputShape: [Int]?

  /// The layer's learned arrays, in Keras's order (kernel, then bias); empty before it is built.
  public internal(set) var variables: [Variable] = []

  /// A problem with the arguments the layer was created with, reported when it is built.
  var argumentError: LayerError?

  init(className: String, name: String?) {
    self.className = className
    self.name = name ?? LayerNaming.current.uniqueName(for: LayerNaming.snakeCase(className))
  }

  /// Records the first argument problem among `checks`, to be thrown when the layer is built.
  func checkArguments(_ checks: LayerError?...) {
    argumentError = argumentError ?? checks.compactMap { $0 }.first
  }

  /// The most parameters one layer may have: 100 million, 400 MB of weights, and as much again
  /// for each optimizer slot. Far more than any model of the lesson needs.
  static let parameterLimit = 100_000_000

  /// Throws if a weight array of `counts` (multiplied together) would exceed `parameterLimit`.
  func checkParameterCount(_ counts: Int...) throws {
    var total = 1
    for count in counts {
      let (product, overflow) = total.multipliedReportingOverflow(by: count)
      total = overflow ? Int.max : product
    }
    if total > Layer.parameterLimit {
      throw LayerError.tooManyParameters(layer: name, count: total, limit: Layer.parameterLimit)
    }
  }

  /// Returns an error for `argument` unless `value` is positive.
  func requirePositive(_ value: Int, _ argument: String, meaning: String) -> LayerError? {
    value > 0 ? nil : .invalidArgument(layer: name, argument: argument, value: "\(value)", requirement: meaning)
  }

  // MARK: - What each kind of layer provides

  /// Returns the per-item output shape for a per-item input shape, or throws if the layer cannot
  /// take such input.
  ///
  ///     try Conv2D(filters: 16, kernelSize: 3).outputShape(for: [32, 32, 3])   // [30, 30, 16]
  public func outputShape(for inputShape: [Int]) throws -> [Int] {
    if let argumentError { throw argumentError }
    return try computeOutputShape(for: inputShape)
  }

  /// The output shape rule of this kind of layer; arguments are already valid.
  func computeOutputShape(for inputShape: [Int]) throws -> [Int] { inputShape }

  /// Creates the layer's variables (and any other state) for a valid input shape.
  func createState(for inputShape: [Int]) -> [Variable] { [] }

  /// The number of values `createState(for:)` creates, computed without creating them: layers
  /// with variables override it.
  func parameterCount(for inputShape: [Int]) -> Int { 0 }

  /// Returns the layer's output for a batch, remembering what `backward` will need.
  func forward(_ input: Tensor, training: Bool) -> Tensor {
    preconditionFailure("\(className) must implement forward(_:training:)")
  }

  /// Returns ∂loss/∂input for the batch last passed to `forward`, adding ∂loss/∂variable to each
  /// variable's gradient.
  ///
  /// The output gradient is the layer's own: it may write the input gradient into its memory,
  /// and hands it to `RecycledArrays` once done with it otherwise.
  func backward(_ outputGradient: consuming Tensor) -> Tensor {
    preconditionFailure("\(className) must implement backward(_:)")
  }

  /// Adds ∂loss/∂variable to each variable's gradient without computing ∂loss/∂input, for the
  /// first layer of a model, where nothing uses it: nothing at all for a layer without variables.
  /// Layers with costly input gradients override it.
  func backwardSkippingInputGradient(_ outputGradient: consuming Tensor) {
    guard !variables.isEmpty else { return }
    _ = backward(outputGradient)
  }

  /// The arguments of this kind of layer, in Keras's key order, for `config`.
  var argumentsConfig: JSONObject { JSONObject() }

  // MARK: - Building and calling

  /// Whether the layer has been built, and so has variables and an output shape.
  public var isBuilt: Bool { outputShape != nil }

  /// Builds the layer for items of `inputShape` (no batch axis): checks the shape and creates the
  /// variables. Building again with the same shape does nothing.
  ///
  /// - Throws: `LayerError` naming the layer when its arguments or the shape are impossible.
  public func build(inputShape: [Int]) throws {
    if let builtShape = self.inputShape {
      guard builtShape == inputShape else {
        throw LayerError.inputShapeChanged(layer: name, builtFor: builtShape, received: inputShape)
      }
      return
    }
    let output = try outputShape(for: inputShape)
    try ParameterAllowance.current?.spend(parameterCount(for: inputShape), layer: name)
    variables = createState(for: inputShape)
    self.inputShape = inputShape
    self.outputShape = output
  }

  /// Runs the layer on a batch in inference mode (dropout off), building it first if needed.
  ///
  /// - Parameter input: a batch, `[N, …]`.
  /// - Throws: `LayerError` when the batch's item shape does not suit the layer.
  public func callAsFunction(_ input: Tensor) throws -> Tensor {
    guard input.rank >= 1 else {
      throw LayerError.wrongInputRank(
        layer: name, className: className, expected: "(batch, …)", received: [])
    }
    try build(inputShape: Array(input.shape.dropFirst()))
    return forward(input, training: false)
  }

  /// Connects the layer after `input` in a functional model and returns its symbolic output.
  ///
  /// - Throws: `LayerError` naming the layer when it cannot take `input`'s shape.
  public func callAsFunction(_ input: SymbolicTensor) throws -> SymbolicTensor {
    try build(inputShape: input.itemShape)
    return input.appending(self)
  }

  /// Connects the layer to a model's `Input` and returns its symbolic output.
  public func callAsFunction(_ input: Input) throws -> SymbolicTensor {
    if let inputError = input.argumentError { throw inputError }
    return try self(input.output)
  }

  // MARK: - Weights

  /// The number of values the layer learns (0 before it is built): Keras's `count_params()`.
  public var parameterCount: Int {
    variables.reduce(0) { $0 + $1.value.scalarCount }
  }

  /// The current values of the variables, in Keras's order: Keras's `get_weights()`.
  public var weights: [Tensor] {
    variables.map(\.value)
  }

  /// Replaces the values of the variables, in Keras's order: Keras's `set_weights()`.
  ///
  /// - Throws: `LayerError.weightShapeMismatch` when the count or a shape differs.
  public func setWeights(_ newWeights: [Tensor]) throws {
    guard newWeights.count == variables.count else {
      throw LayerError.invalidArgument(
        layer: name, argument: "weights", value: "\(newWeights.count) arrays",
        requirement: "\(variables.count) arrays (\(variables.map(\.name).joined(separator: ", ")))")
    }
    for (variable, newValue) in zip(variables, newWeights) {
      try variable.assign(newValue, layer: name)
    }
  }

  // MARK: - Config

  /// The layer's configuration as Keras writes it in `config.json`: name, trainable, dtype, then
  /// the layer's own arguments.
  public var config: JSONObject {
    var config: JSONObject = [
      "name": .string(name),
      "trainable": true,
      "dtype": Layer.float32Policy,
    ]
    for (key, value) in argumentsConfig { config[key] = value }
    return config
  }

  /// Keras 3's description of the float32 dtype policy, repeated in every layer's config.
  static let float32Policy: JSONValue = [
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": ["name": "float32"],
    "registered_name": nil,
  ]
}
