/// Multiplies every value by `scale` and adds `offset`. Put `Rescaling(scale: 1.0 / 255)` first
/// in a model to turn pixel values from 0...255 into 0...1, which makes training far steadier.
///
/// - Input and output shape: the same, any.
/// - No parameters.
public final class Rescaling: Layer {
  /// The factor every value is multiplied by.
  public let scale: Float
  /// The amount added after scaling.
  public let offset: Float

  /// Creates a layer that computes `input · scale + offset`.
  public init(scale: Float, offset: Float = 0, name: String? = nil) {
    self.scale = scale
    self.offset = offset
    super.init(className: "Rescaling", name: name)
  }

  override func forward(_ input: Tensor, training: Bool) -> Tensor {
    input.map { $0 * scale + offset }
  }

  override func backward(_ outputGradient: Tensor) -> Tensor {
    outputGradient * scale
  }

  override var argumentsConfig: JSONObject {
    ["scale": .number(Double(scale)), "offset": .number(Double(offset))]
  }
}
