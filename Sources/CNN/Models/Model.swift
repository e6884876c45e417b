/// A neural network: layers applied one after the other to turn an input (an image) into an
/// output (one probability per class), with the training state `compile` and `fit` use.
///
/// Build one in the functional style, as the lesson does:
///
///     let inputs = Input(shape: [32, 32, 3])
///     var x = try Conv2D(filters: 16, kernelSize: 3, activation: .relu)(inputs)
///     x = try MaxPooling2D(poolSize: 2)(x)
///     x = try Flatten()(x)
///     let outputs = try Dense(units: 5, activation: .softmax)(x)
///     let model = try Model(inputs: inputs, outputs: outputs, name: "cifar_model_intro")
///
/// or as a `Sequential` stack. Models here are chains: each layer feeds the next.
public class Model {
  /// The model's name, shown by `summary()`: `sequential`, `functional`, or the one you chose.
  public let name: String

  /// The Keras class of the model: `Sequential` or `Functional`.
  public let className: String

  /// The layers, in order, as Keras lists them: a functional model's `InputLayer` comes first;
  /// a `Sequential`'s input is not a layer of its own.
  public internal(set) var layers: [Layer]

  /// The declared input, if any.
  var input: Input?

  /// The optimizer set by `compile`.
  public internal(set) var optimizer: Optimizer?
  /// The loss set by `compile`.
  public internal(set) var loss: Loss?
  /// The metrics requested by `compile`.
  public internal(set) var metrics: [Metric] = []

  /// Set by a callback (such as `EarlyStopping`) to end training after the current epoch.
  public var stopTraining = false

  /// Adds up the time each layer takes while it runs (see `LayerStopwatch`); stopped at first.
  public let stopwatch = LayerStopwatch()

  init(className: String, name: String?, input: Input?, layers: [Layer]) {
    self.className = className
    self.name = name ?? LayerNaming.current.uniqueName(for: LayerNaming.snakeCase(className))
    self.input = input
    self.layers = layers
  }

  /// Creates a model from an `Input` and the output of the last layer in its chain.
  ///
  /// - Throws: `ModelError.outputsNotFromInputs` when `outputs` was not computed from `inputs`,
  ///   or the `LayerError` of an input with an impossible shape.
  public convenience init(inputs: Input, outputs: SymbolicTensor, name: String? = nil) throws {
    if let inputError = inputs.argumentError { throw inputError }
    self.init(className: "Functional", name: name, input: inputs, layers: [inputs] + outputs.layers)
    guard outputs.source === inputs else {
      throw ModelError.outputsNotFromInputs(model: self.name, inputs: inputs.name, outputsSource: outputs.source.name)
    }
    try buildLayers()
  }

  // MARK: - Shapes

  /// The layers that compute something: every layer but the `Input`.
  var computingLayers: [Layer] {
    layers.filter { !($0 is Input) }
  }

  /// The shape of one input item, without the batch axis, once known.
  public var inputShape: [Int]? {
    input?.shape ?? computingLayers.first?.inputShape
  }

  /// The shape of one output item, without the batch axis, once built.
  public var outputShape: [Int]? {
    layers.last?.outputShape
  }

  /// The activation of the last layer (`.softmax` when `predict` returns probabilities,
  /// `.linear` when it returns scores, "logits"), or nil when the last layer has none.
  public var outputActivation: ActivationFunction? {
    (layers.last as? ActivatedLayer)?.activation
  }

  /// Whether every layer is built, so the model knows all its shapes and has all its weights.
  public var isBuilt: Bool {
    !computingLayers.isEmpty && computingLayers.allSatisfy(\.isBuilt)
  }

  /// Builds every layer for items of `inputShape` (no batch axis), checking each layer's shape.
  ///
  /// - Throws: `LayerError` naming the first layer that cannot take its input, or
  ///   `ModelError.inputShapeMismatch` if the model already has another input shape.
  public func build(inputShape: [Int]) throws {
    if let known = self.inputShape, known != inputShape {
      throw ModelError.inputShapeMismatch(model: name, expected: known, received: [1] + inputShape)
    }
    try buildLayers(from: inputShape)
  }

  /// Builds the layers from the declared input, if there is one.
  func buildLayers() throws {
    if let shape = input?.shape { try buildLayers(from: shape) }
  }

  private func buildLayers(from inputShape: [Int]) throws {
    var seen = Set<ObjectIdentifier>()
    var shape = inputShape
    for layer in computingLayers {
      guard seen.insert(ObjectIdentifier(layer)).inserted else { throw LayerError.usedTwice(layer: layer.name) }
      try layer.build(inputShape: shape)
      shape = layer.outputShape ?? shape
    }
  }

  /// Checks that `x` is a batch of items of the model's input shape, building the model from it if
  /// it has no input shape yet.
  func prepare(forInput x: Tensor) throws {
    try prepare(forInputShape: x.shape)
  }

  /// Checks that a batch of shape `shape` (`[N, …]`) has items of the model's input shape,
  /// building the model from it if it has no input shape yet.
  func prepare(forInputShape shape: [Int]) throws {
    guard !computingLayers.isEmpty else { throw ModelError.empty(model: name) }
    let item = Array(shape.dropFirst())
    if let expected = inputShape, shape.isEmpty || item != expected {
      throw ModelError.inputShapeMismatch(model: name, expected: expected, received: shape)
    }
    try buildLayers(from: item)
  }

  // MARK: - Running

  /// Returns the model's output for a batch, running every layer from the one at `first` (the
  /// first by default); `training` turns dropout on.
  ///
  /// A convolution pools its output itself where it can, as it computes it (see
  /// `Conv2D.forward(_:pooledBy:)`), in training and in inference alike, so that its whole output
  /// never takes memory: the stopwatch then counts the pooling's forward time in the
  /// convolution's. In training, a layer ending in ReLU that could not be fused lets go of its
  /// output once a max pooling after it has read it: the backward pass does not need it (see
  /// `backward(_:isFused:)`), and its memory serves that step's gradients.
  func forward(_ x: Tensor, training: Bool, fromLayer first: Int = 0) -> Tensor {
    let layers = computingLayers
    var x = x
    var index = first
    while index < layers.count {
      let start = stopwatch.now()
      if index + 1 < layers.count, let convolution = layers[index] as? Conv2D,
        let pool = layers[index + 1] as? MaxPooling2D,
        let pooled = convolution.forward(x, pooledBy: pool, training: training)
      {
        x = pooled
        stopwatch.add(since: start, toLayer: index, of: layers, .forward)
        index += 2
        continue
      }
      x = layers[index].forward(x, training: training)
      if training, index > 0, layers[index] is MaxPooling2D,
        let before = layers[index - 1] as? Conv2D, before.activation == .relu
      {
        before.letGoOfOutput()
      }
      stopwatch.add(since: start, toLayer: index, of: layers, .forward)
      index += 1
    }
    return x
  }

  /// Runs the model on one batch in inference mode: Keras's `model(x)`.
  ///
  /// - Parameter x: a batch `[N, …]` of items of the model's input shape.
  /// - Throws: `ModelError.inputShapeMismatch` when the shape is wrong.
  public func callAsFunction(_ x: Tensor) throws -> Tensor {
    try prepare(forInput: x)
    return forward(x, training: false)
  }

  // MARK: - Weights

  /// Every variable of every layer, in layer order.
  public var variables: [Variable] {
    computingLayers.flatMap(\.variables)
  }

  /// The variables the optimizer updates.
  public var trainableVariables: [Variable] {
    variables.filter(\.isTrainable)
  }

  /// The total number of learned values: Keras's `count_params()`.
  public var parameterCount: Int {
    computingLayers.reduce(0) { $0 + $1.parameterCount }
  }

  /// The current values of every variable, in layer order: Keras's `get_weights()`.
  public var weights: [Tensor] {
    variables.map(\.value)
  }

  /// Replaces the values of every variable, in layer order: Keras's `set_weights()`.
  ///
  /// - Throws: `LayerError.weightShapeMismatch` or `.invalidArgument` when the list does not match.
  public func setWeights(_ newWeights: [Tensor]) throws {
    var remaining = newWeights[...]
    for layer in computingLayers {
      let count = layer.variables.count
      guard remaining.count >= count else {
        throw LayerError.invalidArgument(
          layer: name, argument: "weights", value: "\(newWeights.count) arrays",
          requirement: "\(variables.count) arrays, one per variable")
      }
      try layer.setWeights(Array(remaining.prefix(count)))
      remaining = remaining.dropFirst(count)
    }
    guard remaining.isEmpty else {
      throw LayerError.invalidArgument(
        layer: name, argument: "weights", value: "\(newWeights.count) arrays",
        requirement: "\(variables.count) arrays, one per variable")
    }
  }

  /// Returns the layer called `name`, if the model has one: Keras's `get_layer(name)`.
  public func layer(named name: String) -> Layer? {
    layers.first { $0.name == name }
  }
}
