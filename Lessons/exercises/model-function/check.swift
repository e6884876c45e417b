let model = try makeDigitsModel()
try check("name", model.name, equals: "digits_model")
try check(
  "layers", model.layers.map(\.className),
  equals: ["InputLayer", "Rescaling", "Conv2D", "MaxPooling2D", "Flatten", "Dense"],
  hint: "input, rescaling, convolution, pooling, flatten, dense: in that order")
try check("output shape", model.outputShape, equals: [10])
try check(
  "parameters", model.parameterCount, equals: 27_210,
  hint: "16 filters of 3 × 3 make 160 numbers; the output layer sees 13 × 13 × 16 = 2,704 values")
let colourModel = try makeDigitsModel(inputShape: [32, 32, 3], classCount: 5)
try check(
  "5 classes of colour images", colourModel.outputShape, equals: [5],
  hint: "use classCount for the output layer's units")
try check("parameters for 32 × 32 colour images", colourModel.parameterCount, equals: 18_453)
let first = try makeDigitsModel()
let second = try makeDigitsModel()
try check(
  "every call builds a new model", first !== second && first.layers[2] !== second.layers[2],
  hint: "create the layers inside the function, so that no two models share one")
