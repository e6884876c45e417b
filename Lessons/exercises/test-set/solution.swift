import CNN

/// Loads the digits' test set for measuring a model: 28 × 28 grey images, in the same order on
/// every pass.
func makeTestSet() throws -> ImageDataset {
  // Without shuffling, every pass visits the files in the same (sorted) order, so labels read on
  // one pass line up with predictions made on another.
  return try imageDatasetFromDirectory(
    "Datasets/digits/test", colorMode: .grayscale, imageSize: [28, 28], shuffle: false)
}
