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

  /// Adds to the variables' gradients given ∂loss/∂(scores before the activation), without
  /// computing ∂loss/∂input: for a model's first layer that learns.
  func backwardSkippingInputGradient(preActivationGradient: Tensor)
}

extension ActivatedLayer {
  func backwardSkippingInputGradient(preActivationGradient: Tensor) {
    _ = backward(preActivationGradient: preActivationGradient)
  }
}

/// The activation step of an `ActivatedLayer`: applies the function and remembers its input and
/// output for the backward pass.
struct ActivationStage {
  let function: ActivationFunction
  private(set) var preActivation: Tensor?
  private(set) var output: Tensor?
  /// Last step's output memory, for the next output (see `takeStorage`).
  private var spareOutput = ReusedStorage<Float>()

  init(_ function: ActivationFunction) {
    self.function = function
  }

  /// Hands over the storage of the scores the last `forward` was given, forgetting that pass,
  /// for the layer to write the next scores into (see `overwritableArray`); a function with an
  /// output of its own (softmax, sigmoid…) keeps that output's storage to write the next one into.
  mutating func takeStorage() -> [Float] {
    defer { (preActivation, output) = (nil, nil) }
    if function != .linear, let output, preActivation != nil { spareOutput.keep(output.scalars) }
    return (preActivation ?? output)?.scalars ?? []
  }

  /// Forgets the last `forward`'s output and returns its storage, when the backward pass will
  /// not need it (see `Conv2D.letGoOfOutput`); nil for a function that keeps its input
  /// as well, whose backward pass needs both.
  mutating func letGoOfOutput() -> [Float]? {
    guard function == .relu, preActivation == nil, let kept = output else { return nil }
    output = nil
    return kept.scalars
  }

  /// Returns `function(z)`, remembering `z` and the result. ReLU works in place and remembers
  /// only the result: its gradient needs no more (y > 0 exactly where z > 0), and no loss is
  /// fused with it. With `isRectified`, the layer's kernel has already applied the ReLU to `z`.
  mutating func forward(_ z: consuming Tensor, isRectified: Bool = false) -> Tensor {
    if function == .relu {
      var y = consume z
      if !isRectified { ActivationFunction.rectify(&y.scalars) }
      preActivation = nil
      output = y
      return y
    }
    let y = function.apply(z, writingInto: spareOutput.take())
    preActivation = z
    output = y
    return y
  }

  /// Returns ∂loss/∂z for the last `forward`, given ∂loss/∂y, written into the output
  /// gradient's own memory.
  func backward(_ outputGradient: consuming Tensor) -> Tensor {
    guard let output, let preActivation = preActivation ?? (function == .relu ? output : nil) else {
      preconditionFailure("backward called before forward")
    }
    return function.gradient(outputGradient, preActivation: preActivation, output: output)
  }
}
