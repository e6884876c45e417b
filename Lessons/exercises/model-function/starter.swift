import CNN

/// Builds a new, untrained copy of the lesson's digits model for images of `inputShape`, with
/// one output per class.
func makeDigitsModel(inputShape: [Int] = [28, 28, 1], classCount: Int = 10) throws -> Model {
  let inputs = Input(shape: inputShape)
  var x = try Rescaling(scale: 1.0 / 255)(inputs)
  // TODO: add the convolution (16 filters, 3 × 3, ReLU), the 2 × 2 max pooling
  // and the flattening, in that order.
  let outputs = try Dense(units: 10, activation: .softmax)(x)
  return try Model(inputs: inputs, outputs: outputs, name: "digits_model")
}
