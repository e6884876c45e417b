import CNN

/// The predicted class of each image: for every row of `probabilities` (`[images, classes]`),
/// the index of its largest value.
func predictedLabels(from probabilities: Tensor) -> [Int] {
  // Axis 0 runs over the images and axis 1 (the last, -1) over the classes: for each image we
  // want the best class, so the argmax goes along the classes.
  return probabilities.argmax(axis: -1)
}
