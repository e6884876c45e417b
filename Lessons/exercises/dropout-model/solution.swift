import CNN

/// Builds the digits model with a `Dropout` layer of `rate` between `Flatten` and the output.
func makeDropoutModel(rate: Float) throws -> Model {
  let inputs = Input(shape: [28, 28, 1])
  var x = try Rescaling(scale: 1.0 / 255)(inputs)
  x = try Conv2D(filters: 16, kernelSize: 3, activation: .relu)(x)
  x = try MaxPooling2D(poolSize: 2)(x)
  x = try Flatten()(x)
  // While training, a random `rate` of the 2,704 values is set to 0 (and the rest scaled up), so
  // the output layer cannot lean on any single one. When predicting, nothing is dropped.
  x = try Dropout(rate: rate)(x)
  let outputs = try Dense(units: 10, activation: .softmax)(x)
  return try Model(inputs: inputs, outputs: outputs, name: "digits_dropout")
}
