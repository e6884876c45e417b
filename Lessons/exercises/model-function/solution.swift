import CNN

/// Builds a new, untrained copy of the lesson's digits model for images of `inputShape`, with
/// one output per class.
func makeDigitsModel(inputShape: [Int] = [28, 28, 1], classCount: Int = 10) throws -> Model {
  let inputs = Input(shape: inputShape)
  // Pixels arrive as 0…255; the model itself scales them, so every caller gets it right.
  var x = try Rescaling(scale: 1.0 / 255)(inputs)
  x = try Conv2D(filters: 16, kernelSize: 3, activation: .relu)(x)
  x = try MaxPooling2D(poolSize: 2)(x)
  x = try Flatten()(x)
  // One probability per class: the units follow the argument, not a fixed 10.
  let outputs = try Dense(units: classCount, activation: .softmax)(x)
  return try Model(inputs: inputs, outputs: outputs, name: "digits_model")
}
