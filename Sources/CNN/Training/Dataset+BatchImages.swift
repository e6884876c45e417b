extension Dataset {
  /// Starts a pass over the batches as a model takes them: an `ImageDataset` hands out its images
  /// as the 8-bit pixels it keeps, for the model to convert (in one pass with a first `Rescaling`
  /// layer); any other dataset hands out its Float32 images.
  func makeBatchIterator() -> AnyIterator<(images: BatchImages, labels: Tensor)> {
    if let imageDataset = self as? ImageDataset {
      let batches = imageDataset.makePixelIterator()
      return AnyIterator { batches.next().map { (.pixels($0.pixels), $0.labels) } }
    }
    var batches = makeIterator()
    return AnyIterator { batches.next().map { (.values($0.images), $0.labels) } }
  }
}
