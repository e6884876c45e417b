extension Model {
  /// How many multiply-adds one image costs in a forward pass: each Conv2D's output values times
  /// its window (kernel height × width × input channels), plus each Dense layer's inputs times
  /// its units. Pooling, activations and the like are left out: they are a small part.
  ///
  ///     try ReferenceModel.lesson.makeModel().multiplyAddsPerImage   // 406,800: 0.81 MFLOP
  public var multiplyAddsPerImage: Int {
    layers.reduce(0) { $0 + Model.multiplyAdds(of: $1) }
  }

  /// Multiply-adds one trained image costs: the forward pass, then the gradients of the weights
  /// (as much again) and of each layer's input (as much again, except for the first layer,
  /// whose input gradient nobody needs).
  public var multiplyAddsPerTrainedImage: Int {
    let forward = multiplyAddsPerImage
    let firstLayer = layers.first { $0 is Conv2D || $0 is Dense }.map(Model.multiplyAdds(of:)) ?? 0
    return 3 * forward - firstLayer
  }

  /// The forward multiply-adds of one layer, as `multiplyAddsPerImage` counts them.
  static func multiplyAdds(of layer: Layer) -> Int {
    guard let input = layer.inputShape, let output = layer.outputShape else { return 0 }
    if let conv = layer as? Conv2D, input.count == 3 {
      return output.reduce(1, *) * conv.kernelSize.height * conv.kernelSize.width * input[2]
    }
    if let dense = layer as? Dense, input.count == 1 { return input[0] * dense.units }
    return 0
  }
}
