let model = try makeDropoutModel(rate: 0.5)
let dropouts = model.layers.compactMap { $0 as? Dropout }
try check("one Dropout layer", dropouts.count, equals: 1, hint: "add x = try Dropout(rate: rate)(x)")
try check("its rate", dropouts.first?.rate, equals: 0.5, hint: "pass the function's rate to the layer")
try check(
  "placed between Flatten and the output layer", model.layers.suffix(3).map(\.className),
  equals: ["Flatten", "Dropout", "Dense"])
try check(
  "parameters", model.parameterCount, equals: 27_210, hint: "dropout has no weights: the count stays the same")
try check("rate 0.25", try makeDropoutModel(rate: 0.25).layers.compactMap { ($0 as? Dropout)?.rate }, equals: [0.25])
let images = Tensor(randomUniform: [4, 28, 28, 1]) * 255
try check(
  "nothing is dropped when predicting", try model.predict(images, verbose: 0) == model.predict(images, verbose: 0),
  hint: "predict runs the model in inference mode, where dropout lets everything through")
