import CNN

/// The predicted class of each image: for every row of `probabilities` (`[images, classes]`),
/// the index of its largest value.
func predictedLabels(from probabilities: Tensor) -> [Int] {
  // TODO: this takes the argmax along the wrong axis.
  return probabilities.argmax(axis: 0)
}
