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
  public func makeModel() throws -> Model {
    switch self {
    case .lesson:
      let inputs = Input(shape: [32, 32, 3])
      var x = try Conv2D(filters: 16, kernelSize: 3, activation: .relu)(inputs)
      x = try MaxPooling2D(poolSize: 2)(x)
      x = try Flatten()(x)
      let outputs = try Dense(units: 5, activation: .softmax)(x)
      return try Model(inputs: inputs, outputs: outputs, name: "cifar_model_intro")
    case .small:
      return try Sequential(name: "small") {
        Input(shape: [32, 32, 3])
        Conv2D(filters: 16, kernelSize: 3, activation: .relu)
        MaxPooling2D(poolSize: 2)
        Conv2D(filters: 32, kernelSize: 3, activation: .relu)
        MaxPooling2D(poolSize: 2)
        Conv2D(filters: 64, kernelSize: 3, activation: .relu)
        Flatten()
        Dense(units: 64, activation: .relu)
        Dense(units: 10, activation: .softmax)
      }
    case .bigger:
      return try Sequential(name: "bigger") {
        Input(shape: [32, 32, 3])
        Conv2D(filters: 32, kernelSize: 3, padding: .same, activation: .relu)
        Conv2D(filters: 32, kernelSize: 3, padding: .same, activation: .relu)
        MaxPooling2D(poolSize: 2)
        Conv2D(filters: 64, kernelSize: 3, padding: .same, activation: .relu)
        Conv2D(filters: 64, kernelSize: 3, padding: .same, activation: .relu)
        MaxPooling2D(poolSize: 2)
        Flatten()
        Dense(units: 128, activation: .relu)
        Dropout(rate: 0.5)
        Dense(units: 10)
      }
    }
  }

  /// The loss each model is trained with: sparse categorical cross-entropy, on logits for `bigger`.
  public var loss: Loss {
    self == .bigger ? .sparseCategoricalCrossentropy(fromLogits: true) : .sparseCategoricalCrossentropy
  }
}
