/// A layer whose last step is an activation function (`Conv2D`, `Dense`, `Activation`).
///
/// Training uses this to fuse softmax (or sigmoid) with a cross-entropy loss: it takes the
/// gradient with respect to the scores before the activation, `probabilities − labels`, which is
/// exact and stable where going through the softmax's own derivative would lose precision
/// (TensorFlow's Keras does the same).
protocol ActivatedLayer: Layer {
  /// The activation applied last.
  var activation: ActivationFunction { get }

  /// The scores before the activation, from the last forward pass.
  var lastPreActivation: Tensor? { get }

  /// Returns ∂loss/∂input given ∂loss/∂(scores before the activation), for the last forward pass,
  /// adding to the variables' gradients.
  func backward(preActivationGradient: Tensor) -> Tensor
}

/// The activation step of an `ActivatedLayer`: applies the function and remembers its input and
/// output for the backward pass.
struct ActivationStage {
  let function: ActivationFunction
  private(set) var preActivation: Tensor?
  private(set) var output: Tensor?

  init(_ function: ActivationFunction) {
    self.function = function
  }

  /// Returns `function(z)`, remembering `z` and the result.
  mutating func forward(_ z: Tensor) -> Tensor {
    let y = function.apply(z)
    preActivation = z
    output = y
    return y
  }

  /// Returns ∂loss/∂z for the last `forward`, given ∂loss/∂y.
  func backward(_ outputGradient: Tensor) -> Tensor {
    guard let preActivation, let output else {
      preconditionFailure("backward called before forward")
    }
    return function.gradient(outputGradient, preActivation: preActivation, output: output)
  }
}

extension Variable {
  /// Adds one batch's ∂loss/∂value to the gradient.
  func accumulateGradient(_ values: [Float]) {
    precondition(values.count == gradient.scalarCount, "gradient of \(name) has the wrong size")
    for i in values.indices { gradient.scalars[i] += values[i] }
  }
}
