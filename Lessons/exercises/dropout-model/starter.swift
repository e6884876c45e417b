import CNN

/// Builds the digits model with a `Dropout` layer of `rate` between `Flatten` and the output.
func makeDropoutModel(rate: Float) throws -> Model {
  let inputs = Input(shape: [28, 28, 1])
  var x = try Rescaling(scale: 1.0 / 255)(inputs)
  x = try Conv2D(filters: 16, kernelSize: 3, activation: .relu)(x)
  x = try MaxPooling2D(poolSize: 2)(x)
  x = try Flatten()(x)
  // TODO: add a Dropout layer that drops `rate` of its inputs while training.
  let outputs = try Dense(units: 10, activation: .softmax)(x)
  return try Model(inputs: inputs, outputs: outputs, name: "digits_dropout")
}
