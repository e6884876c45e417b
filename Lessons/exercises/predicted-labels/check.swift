let fourImages = Tensor(
  shape: [4, 3],
  scalars: [
    0.7, 0.2, 0.1,
    0.1, 0.8, 0.1,
    0.2, 0.2, 0.6,
    0.5, 0.1, 0.4,
  ])
let labels = predictedLabels(from: fourImages)
try check(
  "one label per image", labels.count, equals: 4,
  hint: "argmax along axis 0 goes down the columns and gives one answer per class, not per image: "
    + "use the class axis, -1")
try check("the labels of four images", labels, equals: [0, 1, 2, 0])
let batch = Tensor(randomUniform: [32, 10], seed: 3)
let expected = (0..<32).map { row in
  (0..<10).max { batch[row, $0] < batch[row, $1] }!
}
try check("a batch of 32 images of 10 classes", predictedLabels(from: batch), equals: expected)
