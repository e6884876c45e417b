import ImageCodecs
import TerminalUI

/// Decodes, converts and resizes image files to one shape, remembering each result so that every
/// file is decoded once. Shared by the training and validation datasets of one folder.
final class ImageCache {
  /// `[height, width, channels]` of every image.
  let imageShape: [Int]
  let colorMode: ColorMode
  let interpolation: Interpolation
  let cropToAspectRatio: Bool
  /// Whether pictures are turned upright as their EXIF orientation tag says.
  let usesExifOrientation: Bool
  /// Whether results are kept (false when they would take more memory than `memoryLimit`).
  let keepsImages: Bool

  /// The most memory the kept images may take: 1 GiB.
  static let memoryLimit = 1 << 30

  private var images: [String: [Float]] = [:]

  init(
    height: Int, width: Int, colorMode: ColorMode, interpolation: Interpolation, cropToAspectRatio: Bool,
    usesExifOrientation: Bool, fileCount: Int
  ) {
    imageShape = [height, width, colorMode.channels]
    self.colorMode = colorMode
    self.interpolation = interpolation
    self.cropToAspectRatio = cropToAspectRatio
    self.usesExifOrientation = usesExifOrientation
    keepsImages = height * width * colorMode.channels * 4 * fileCount <= ImageCache.memoryLimit
  }

  /// Decodes `path` into the dataset's shape, as Keras does: convert the channels, optionally crop
  /// the centre to the target's aspect ratio, then resize (pixel values stay in 0...255). Unlike
  /// Keras, a JPEG far larger than the target is decoded at a reduced size first, which is much
  /// faster and shrinks with less aliasing.
  func load(_ path: String) throws(ImageDecodingError) -> [Float] {
    if let kept = images[path] { return kept }
    let target = ImageSize(width: imageShape[1], height: imageShape[0])
    var image = try Image(contentsOf: path, reducedFor: target, usesExifOrientation: usesExifOrientation)
      .converted(toChannels: colorMode.channels)
    if cropToAspectRatio { image = image.croppedToAspectRatio(width: imageShape[1], height: imageShape[0]) }
    let values: [Float]
    if image.width == imageShape[1] && image.height == imageShape[0] {
      values = image.pixels.map(Float.init)
    } else {
      values = image.resized(width: imageShape[1], height: imageShape[0], interpolation: interpolation).values
    }
    if keepsImages { images[path] = values }
    return values
  }

  /// A batch `[N, height, width, channels]` of files already known to decode.
  func batch(of paths: [String]) -> Tensor {
    var scalars: [Float] = []
    scalars.reserveCapacity(paths.count * imageShape.reduce(1, *))
    for path in paths {
      do {
        scalars += try load(path)
      } catch {
        // Every path here decoded when the dataset was made; one changed since then is shown black
        // rather than ending the epoch.
        TerminalOutput.current.writeLine("Warning: \(error) Used a black image instead.")
        scalars += Array(repeating: 0, count: imageShape.reduce(1, *))
      }
    }
    return Tensor(shape: [paths.count] + imageShape, scalars: scalars)
  }
}
