/// The three models the project measures itself against (in benchmarks, and against Keras and
/// PyTorch on the same machine), built with Keras's layer names and defaults.
public enum ReferenceModel: String, CaseIterable, Sendable {
  /// The lesson's first model, 18,453 parameters: Input 32×32×3 → Conv2D(16, 3×3, relu) →
  /// MaxPooling2D(2) → Flatten → Dense(5, softmax).
  case lesson
  /// Three convolutions, 89,834 parameters: Conv2D(16) → pool → Conv2D(32) → pool → Conv2D(64)
  /// → Flatten → Dense(64, relu) → Dense(10, softmax), all kernels 3×3 with relu.
  case small
  /// Four `.same` convolutions with dropout, 591,274 parameters: Conv2D(32) → Conv2D(32) → pool →
  /// Conv2D(64) → Conv2D(64) → pool → Flatten → Dense(128, relu) → Dropout(0.5) → Dense(10),
  /// which outputs logits (train it with `fromLogits: true`).
  case bigger

  /// Returns a new, built model with freshly initialised weights.
  ///
  /// - Parameters:
  ///   - inputShape: the shape of one image; the reference is `[32, 32, 3]`.
  ///   - classCount: the units of the last layer; by default 5 for `lesson` and 10 for the others.
  ///   - rescaling: whether to start with `Rescaling(scale: 1.0 / 255)`, for pixel values 0...255.
  /// - Throws: `LayerError` when the input is too small for the model's convolutions and pooling.
  public func makeModel(inputShape: [Int] = [32, 32, 3], classCount: Int? = nil, rescaling: Bool = false) throws
    -> Model
  {
    let layers = self.layers(classCount: classCount, rescaling: rescaling)
    switch self {
    case .lesson:
      // Functional, as the lesson builds it, so that saving writes the same Keras class.
      let inputs = Input(shape: inputShape)
      var x = inputs.output
      for layer in layers { x = try layer(x) }
      return try Model(inputs: inputs, outputs: x, name: "cifar_model_intro")
    case .small, .bigger:
      return try Sequential(name: rawValue) {
        Input(shape: inputShape)
        layers
      }
    }
  }

  /// The model's layers after its input, new and not yet built (so without weights).
  func layers(classCount: Int? = nil, rescaling: Bool = false) -> [Layer] {
    let classes = classCount ?? (self == .lesson ? 5 : 10)
    let rescale: [Layer] = rescaling ? [Rescaling(scale: 1.0 / 255)] : []
    switch self {
    case .lesson:
      return rescale + [
        Conv2D(filters: 16, kernelSize: 3, activation: .relu),
        MaxPooling2D(poolSize: 2),
        Flatten(),
        Dense(units: classes, activation: .softmax),
      ]
    case .small:
      return rescale + [
        Conv2D(filters: 16, kernelSize: 3, activation: .relu),
        MaxPooling2D(poolSize: 2),
        Conv2D(filters: 32, kernelSize: 3, activation: .relu),
        MaxPooling2D(poolSize: 2),
        Conv2D(filters: 64, kernelSize: 3, activation: .relu),
        Flatten(),
        Dense(units: 64, activation: .relu),
        Dense(units: classes, activation: .softmax),
      ]
    case .bigger:
      return rescale + [
        Conv2D(filters: 32, kernelSize: 3, padding: .same, activation: .relu),
        Conv2D(filters: 32, kernelSize: 3, padding: .same, activation: .relu),
        MaxPooling2D(poolSize: 2),
        Conv2D(filters: 64, kernelSize: 3, padding: .same, activation: .relu),
        Conv2D(filters: 64, kernelSize: 3, padding: .same, activation: .relu),
        MaxPooling2D(poolSize: 2),
        Flatten(),
        Dense(units: 128, activation: .relu),
        Dropout(rate: 0.5),
        Dense(units: classes),
      ]
    }
  }

  /// The loss each model is trained with: sparse categorical cross-entropy, on logits for `bigger`.
  public var loss: Loss {
    self == .bigger ? .sparseCategoricalCrossentropy(fromLogits: true) : .sparseCategoricalCrossentropy
  }
}
