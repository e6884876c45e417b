/// Lays the values of each item out in one long row, so that Dense layers can use them: a
/// 15×15×16 stack of feature maps becomes 3,600 numbers. Nothing is learned or changed; the
/// values keep their order (row by row, channels last).
///
/// - Input shape: `(None, d1, d2, …)`.
/// - Output shape: `(None, d1·d2·…)`.
/// - No parameters.
public final class Flatten: Layer {
  private var lastInputShape: [Int]?

  /// Creates a flatten layer.
  public init(name: String? = nil) {
    super.init(className: "Flatten", name: name)
  }

  override func computeOutputShape(for inputShape: [Int]) throws -> [Int] {
    [inputShape.reduce(1, *)]
  }

  override func forward(_ input: Tensor, training: Bool) -> Tensor {
    lastInputShape = input.shape
    return input.reshaped(to: [input.shape[0], input.itemScalarCount])
  }

  override func backward(_ outputGradient: consuming Tensor) -> Tensor {
    guard let lastInputShape else { preconditionFailure("Flatten \(name): backward called before forward") }
    return outputGradient.reshaped(to: lastInputShape)
  }

  override var argumentsConfig: JSONObject {
    ["data_format": "channels_last"]
  }
}
