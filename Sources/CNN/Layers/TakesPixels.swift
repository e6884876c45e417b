/// A layer that can take a batch of 8-bit pixels as its input, converting them to Float32 in the
/// same pass as its own arithmetic: a model whose first layer takes pixels hands it the batches of
/// an `ImageDataset` as they are kept, and the layer is not run again on them.
protocol TakesPixels: Layer {
  /// Returns the layer's output for a batch of pixels: the same numbers as `forward` on the
  /// pixels converted to Float32.
  func forward(_ pixels: PixelBatch, training: Bool) -> Tensor
}
