/// A fully connected layer: every output is a weighted sum of all the inputs plus a bias,
/// `activation(input · kernel + bias)`. In a CNN, Dense layers turn the features found by the
/// convolutions into a prediction; the last one has one unit per class.
///
/// - Input shape: `(None, features)`. A Dense layer needs flat input: put `Flatten()` between the
///   last convolution or pooling layer and the first Dense layer.
/// - Output shape: `(None, units)`.
/// - Parameters: a kernel `[features, units]` (Glorot-uniform) and a bias `[units]` (zeros).
///
///     let dense = Dense(units: 5, activation: .softmax)
///     try dense.build(inputShape: [3600])
///     dense.parameterCount   // 18005 = 3600·5 + 5
public final class Dense: Layer, ActivatedLayer {
  /// The number of outputs.
  public let units: Int
  /// The function applied to every output value.
  public let activation: ActivationFunction
  /// Whether a learned bias is added to each output.
  public let useBias: Bool

  private var lastInput: Tensor?
  private var stage: ActivationStage

  /// Creates a fully connected layer; the number of inputs is learned when it is built.
  ///
  /// Keras defaults: no activation, a bias.
  public init(units: Int, activation: ActivationFunction = .linear, useBias: Bool = true, name: String? = nil) {
    self.units = units
    self.activation = activation
    self.useBias = useBias
    self.stage = ActivationStage(activation)
    super.init(className: "Dense", name: name)
    checkArguments(requirePositive(units, "units", meaning: "a positive number of outputs"))
  }

  /// The learned weights, `[features, units]`.
  public var kernel: Variable? { variables.first }

  /// The learned bias, `[units]`, or nil without one.
  public var bias: Variable? { useBias ? variables.last : nil }

  var lastPreActivation: Tensor? { stage.preActivation }

  override func computeOutputShape(for inputShape: [Int]) throws -> [Int] {
    guard inputShape.count == 1 else {
      if inputShape.count > 1 { throw LayerError.missingFlatten(layer: name, received: inputShape) }
      throw LayerError.wrongInputRank(
        layer: name, className: className, expected: "(None, features)", received: inputShape)
    }
    try checkParameterCount(inputShape[0], units)
    return [units]
  }

  override func parameterCount(for inputShape: [Int]) -> Int {
    inputShape[0] * units + (useBias ? units : 0)
  }

  override func createState(for inputShape: [Int]) -> [Variable] {
    let features = inputShape[0]
    let kernel = Variable(
      name: "kernel", value: Initializer.glorotUniform(shape: [features, units], fanIn: features, fanOut: units))
    return useBias ? [kernel, Variable(name: "bias", value: Tensor(zeros: [units]))] : [kernel]
  }

  override func forward(_ input: Tensor, training: Bool) -> Tensor {
    guard let kernel else { preconditionFailure("Dense \(name) used before it was built") }
    let batch = input.shape[0]
    var z = matrixProduct(
      input.scalars, kernel.value.scalars, rows: batch, inner: input.shape[1], columns: units,
      reusing: training ? stage.takeStorage() : [])
    if let bias {
      for row in 0..<batch {
        for unit in 0..<units { z[row * units + unit] += bias.value.scalars[unit] }
      }
    }
    // Kept for the backward pass, in training only: in inference, holding it would keep the layer
    // before from writing its next output into the same memory.
    lastInput = training ? input : nil
    return stage.forward(Tensor(shape: [batch, units], scalars: consume z))
  }

  override func backward(_ outputGradient: consuming Tensor) -> Tensor {
    let preActivationGradient = stage.backward(outputGradient)
    defer { RecycledArrays.shared.recycle(preActivationGradient.scalars) }
    return backward(preActivationGradient: preActivationGradient)
  }

  /// Adds this batch's kernel and bias gradients and returns the input gradient. The input is let
  /// go of: the layer before may then reuse its memory in the next forward pass.
  func backward(preActivationGradient: Tensor) -> Tensor {
    guard let kernel, let lastInput else {
      preconditionFailure("Dense \(name): backward called before a training forward")
    }
    self.lastInput = nil
    let batch = lastInput.shape[0]
    let features = lastInput.shape[1]
    let gradient = preActivationGradient.scalars
    // ∂kernel = inputᵀ · ∂z; ∂bias = Σ_rows ∂z; ∂input = ∂z · kernelᵀ
    // The product adds straight into the kernel's gradient: no array of its own to add.
    if batch > 0 {
      kernel.accumulateGradient { sums, adds in
        lastInput.scalars.withUnsafeBufferPointer { input in
          gradient.withUnsafeBufferPointer { gradient in
            matrixMultiplyTransposingFirst(
              input.baseAddress!, gradient.baseAddress!, into: sums, m: batch, n: units, k: features,
              accumulate: adds)
          }
        }
      }
    }
    if let bias {
      var biasGradient = [Float](repeating: 0, count: units)
      for row in 0..<batch {
        for unit in 0..<units { biasGradient[unit] += gradient[row * units + unit] }
      }
      bias.accumulateGradient(biasGradient)
    }
    let inputGradient = matrixProductTransposingSecond(
      gradient, kernel.value.scalars, rows: batch, inner: units, columns: features,
      reusing: RecycledArrays.shared.take(batch * features))
    return Tensor(shape: lastInput.shape, scalars: inputGradient)
  }

  override var argumentsConfig: JSONObject {
    [
      "units": .integer(units),
      "activation": .string(activation.kerasName),
      "use_bias": .bool(useBias),
      "kernel_initializer": Initializer.glorotUniformConfig,
      "bias_initializer": Initializer.zerosConfig,
      "kernel_regularizer": nil,
      "bias_regularizer": nil,
      "kernel_constraint": nil,
      "bias_constraint": nil,
    ]
  }
}
