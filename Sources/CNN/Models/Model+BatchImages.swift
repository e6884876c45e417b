extension Model {
  /// Checks that `images` is a batch of items of the model's input shape, building the model from
  /// it if it has no input shape yet (see `prepare(forInput:)`).
  func prepare(forInput images: BatchImages) throws {
    try prepare(forInputShape: images.shape)
  }

  /// Returns the model's output for a batch in either form; `training` turns dropout on.
  ///
  /// A batch of 8-bit pixels goes to the first layer as it is when that layer takes pixels
  /// (`Rescaling`), which converts and rescales them in one pass and is then not run again;
  /// otherwise the pixels are converted to Float32 first.
  func forward(_ images: BatchImages, training: Bool) -> Tensor {
    guard case .pixels(let pixels) = images else { return forward(images.tensor, training: training) }
    let layers = computingLayers
    guard let first = layers.first as? TakesPixels else { return forward(pixels.tensor, training: training) }
    let start = stopwatch.now()
    let input = first.forward(pixels, training: training)
    stopwatch.add(since: start, toLayer: 0, of: layers, .forward)
    return forward(input, training: training, fromLayer: 1)
  }
}
