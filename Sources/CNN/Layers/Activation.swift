/// Applies an activation function as a layer of its own, for when you want it apart from the
/// Conv2D or Dense layer before it: `Activation(.softmax)`.
///
/// - Input and output shape: the same, any (softmax works along the last axis).
/// - No parameters.
public final class Activation: Layer, ActivatedLayer {
  /// The function applied to every value.
  public let activation: ActivationFunction

  private var stage: ActivationStage

  /// Creates a layer that applies `activation`.
  public init(_ activation: ActivationFunction, name: String? = nil) {
    self.activation = activation
    self.stage = ActivationStage(activation)
    super.init(className: "Activation", name: name)
  }

  var lastPreActivation: Tensor? { stage.preActivation }

  override func forward(_ input: Tensor, training: Bool) -> Tensor {
    stage.forward(input)
  }

  override func backward(_ outputGradient: consuming Tensor) -> Tensor {
    stage.backward(outputGradient)
  }

  func backward(preActivationGradient: Tensor) -> Tensor {
    preActivationGradient
  }

  override var argumentsConfig: JSONObject {
    ["activation": .string(activation.kerasName)]
  }
}
