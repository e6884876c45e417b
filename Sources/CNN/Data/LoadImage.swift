import ImageCodecs

/// Loads one image file as a `[height, width, channels]` tensor of pixel values 0...255, its
/// channels converted and its size changed exactly as `imageDatasetFromDirectory` does (Keras's
/// `load_img` followed by `img_to_array`).
///
///     let cat = try loadImage("Datasets/photos/chelsea.png", colorMode: .grayscale, imageSize: [28, 28])
///     let probabilities = try model.predict(cat.expandingDimension(at: 0))
///
/// - Parameters:
///   - colorMode: `.rgb` (default), `.grayscale` or `.rgba`.
///   - imageSize: `[height, width]` to resize to, or nil to keep the file's size.
///   - usesExifOrientation: turn a photo upright as its EXIF orientation tag says.
/// - Throws: `ImageDecodingError` naming the file when it cannot be read or decoded;
///   `ModelError.invalidArgument` for an `imageSize` that is not two positive numbers.
public func loadImage(
  _ path: String, colorMode: ColorMode = .rgb, imageSize: [Int]? = nil, interpolation: Interpolation = .bilinear,
  cropToAspectRatio: Bool = false, usesExifOrientation: Bool = false
) throws -> Tensor {
  guard let imageSize else {
    let image = try Image(contentsOf: path, usesExifOrientation: usesExifOrientation)
      .converted(toChannels: colorMode.channels)
    return Tensor(image: image)
  }
  guard imageSize.count == 2, imageSize.allSatisfy({ $0 > 0 }) else {
    throw ModelError.invalidArgument(
      argument: "imageSize", value: "\(imageSize)", requirement: "[height, width], two positive numbers")
  }
  let cache = ImageCache(
    height: imageSize[0], width: imageSize[1], colorMode: colorMode, interpolation: interpolation,
    cropToAspectRatio: cropToAspectRatio, usesExifOrientation: usesExifOrientation, fileCount: 1)
  return PixelBatch(shape: cache.imageShape, pixels: try cache.load(path)).tensor
}
