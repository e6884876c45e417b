/// The initial values Keras gives to weights, drawn from the process-wide random generator.
enum Initializer {
  /// Glorot (Xavier) uniform: values from U(−L, L) with `L = √(6 / (fanIn + fanOut))`, which keeps
  /// the spread of activations about the same from layer to layer. Keras's default for kernels.
  ///
  /// For a convolution kernel `fanIn = KH·KW·C` and `fanOut = KH·KW·F`; for a dense kernel
  /// `fanIn` is the number of inputs and `fanOut` the number of units.
  static func glorotUniform(shape: [Int], fanIn: Int, fanOut: Int) -> Tensor {
    let limit = (6 / Float(fanIn + fanOut)).squareRoot()
    return Tensor(randomUniform: shape, in: -limit...limit)
  }

  /// Keras's serialised form of its Glorot-uniform initializer.
  static let glorotUniformConfig: JSONValue = [
    "module": "keras.initializers",
    "class_name": "GlorotUniform",
    "config": ["seed": nil],
    "registered_name": nil,
  ]

  /// Keras's serialised form of its zeros initializer.
  static let zerosConfig: JSONValue = [
    "module": "keras.initializers",
    "class_name": "Zeros",
    "config": [:],
    "registered_name": nil,
  ]
}
