/// A batch of images as 8-bit pixels, `[N, height, width, channels]`, as a dataset from a folder
/// keeps them: a quarter of the memory of Float32 values. The model converts a batch when it
/// takes it, in the same pass as its first `Rescaling` layer where it starts with one.
struct PixelBatch {
  /// `[N, height, width, channels]`.
  let shape: [Int]
  /// Every sample, 0...255, in the order of `shape`.
  let pixels: [UInt8]

  /// Creates a batch from its pixels.
  ///
  /// - Precondition: `pixels.count` is the product of `shape`.
  init(shape: [Int], pixels: [UInt8]) {
    precondition(shape.reduce(1, *) == pixels.count, "\(pixels.count) pixels cannot fill a batch of shape \(shape)")
    self.shape = shape
    self.pixels = pixels
  }

  /// The batch as Float32 pixel values, 0...255: what `Dataset` hands out.
  var tensor: Tensor {
    Tensor(shape: shape, scalars: pixels.map(Float.init))
  }
}

/// The images of one batch as a dataset hands them to a model: Float32 values, or 8-bit pixels
/// that the model converts itself (see `Model.forward(_:training:)`).
enum BatchImages {
  /// Values ready for the first layer.
  case values(Tensor)
  /// Pixels still to be converted.
  case pixels(PixelBatch)

  /// `[N, …]`.
  var shape: [Int] {
    switch self {
    case .values(let tensor): return tensor.shape
    case .pixels(let batch): return batch.shape
    }
  }

  /// The images as Float32 values, converting pixels.
  var tensor: Tensor {
    switch self {
    case .values(let tensor): return tensor
    case .pixels(let batch): return batch.tensor
    }
  }
}
