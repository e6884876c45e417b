import ImageCodecs

extension Tensor {
  /// Creates a `[height, width, channels]` tensor of an image's pixel values, 0...255.
  ///
  ///     let cat = Tensor(image: try Image(contentsOf: "Datasets/photos/chelsea.png"))
  ///     cat.shape   // [300, 451, 3]
  public init(image: Image) {
    self.init(shape: [image.height, image.width, image.channels], scalars: image.pixels.map(Float.init))
  }
}

extension Image {
  /// Creates an 8-bit image from a `[height, width, channels]` tensor (1 to 4 channels), such as
  /// one image of a batch: each value is multiplied by `scale` (use 255 for values in 0...1),
  /// rounded and clipped to 0...255.
  ///
  /// - Precondition: the tensor has rank 3 and 1 to 4 channels.
  public init(_ tensor: Tensor, scale: Float = 1) {
    precondition(tensor.rank == 3 && (1...4).contains(tensor.shape[2]), "An image tensor is [height, width, channels]")
    let pixels = tensor.scalars.map { value -> UInt8 in
      let scaled = (value * scale).rounded()
      return scaled.isNaN ? 0 : UInt8(Swift.min(255, Swift.max(0, scaled)))
    }
    self.init(width: tensor.shape[1], height: tensor.shape[0], channels: tensor.shape[2], pixels: pixels)
  }
}
