/// The entry point of a model: it declares the shape of one item of data, such as `[32, 32, 3]`
/// for 32×32 colour images (Keras's `keras.Input`, saved as an `InputLayer`).
///
/// Start a functional model with it, or put it first in a `Sequential` so the model is built
/// (and its shapes checked) straight away:
///
///     let inputs = Input(shape: [32, 32, 3])
///     let outputs = try Dense(units: 5, activation: .softmax)(try Flatten()(inputs))
///     let model = try Model(inputs: inputs, outputs: outputs, name: "tiny")
///
/// - Output shape: `(None, *shape)`, the data as given.
public final class Input: Layer {
  /// The shape of one item, without the batch axis.
  public let shape: [Int]

  /// Creates an input for items of `shape` (no batch axis: `[32, 32, 3]`, not `[N, 32, 32, 3]`).
  public init(shape: [Int], name: String? = nil) {
    self.shape = shape
    super.init(className: "InputLayer", name: name)
    if shape.isEmpty || shape.contains(where: { $0 <= 0 }) {
      argumentError = .invalidArgument(
        layer: self.name, argument: "shape", value: "\(shape)",
        requirement: "one or more positive sizes, such as [32, 32, 3] for 32×32 colour images")
    } else {
      inputShape = shape
      outputShape = shape
    }
  }

  /// This input seen as the start of a chain of layers.
  public var output: SymbolicTensor {
    SymbolicTensor(source: self, layers: [], itemShape: shape)
  }

  override func computeOutputShape(for inputShape: [Int]) throws -> [Int] { shape }

  override func forward(_ input: Tensor, training: Bool) -> Tensor { input }

  override func backward(_ outputGradient: consuming Tensor) -> Tensor { outputGradient }

  /// Keras's `InputLayer` config: `batch_shape` with a `null` batch size.
  override public var config: JSONObject {
    [
      "batch_shape": .array([nil] + shape.map { .integer($0) }),
      "dtype": "float32",
      "sparse": false,
      "ragged": false,
      "name": .string(name),
    ]
  }
}
