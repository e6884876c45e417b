import Foundation
import ImageCodecs
import TerminalUI

/// Decodes, converts and resizes image files to one shape, remembering each result as 8-bit
/// pixels (what the files hold) so that every file is decoded once. Shared by the training and
/// validation datasets of one folder.
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

  /// The most memory the kept images may take: 1 GiB, about 11,000 images of 180×180×3.
  static let memoryLimit = 1 << 30

  private var images: [String: [UInt8]] = [:]
  /// The bytes of pixels kept so far: one per sample.
  private(set) var keptBytes = 0

  init(
    height: Int, width: Int, colorMode: ColorMode, interpolation: Interpolation, cropToAspectRatio: Bool,
    usesExifOrientation: Bool, fileCount: Int
  ) {
    imageShape = [height, width, colorMode.channels]
    self.colorMode = colorMode
    self.interpolation = interpolation
    self.cropToAspectRatio = cropToAspectRatio
    self.usesExifOrientation = usesExifOrientation
    keepsImages = height * width * colorMode.channels * fileCount <= ImageCache.memoryLimit
  }

  /// The samples of one image: height · width · channels.
  var samplesPerImage: Int { imageShape.reduce(1, *) }

  /// Returns the pixels of `path` in the dataset's shape, decoding the file the first time.
  func load(_ path: String) throws(ImageDecodingError) -> [UInt8] {
    if let kept = images[path] { return kept }
    let pixels = try decode(path)
    keep(pixels, for: path)
    return pixels
  }

  /// Decodes every file of `paths` not kept yet, sharing the files out over `threads` threads
  /// (one per core by default), and returns each file's error, or nil where it decoded, in the
  /// order of `paths`: the same whatever the number of threads.
  func preload(_ paths: [String], threads: Int = ComputeThreads.count) -> [ImageDecodingError?] {
    let threads = Swift.min(threads, paths.count)
    let lock = NSLock()
    var errors: [Int: ImageDecodingError] = [:]
    // Thread t takes files t, t + threads, …: class folders are listed one after the other, so
    // this shares out files of every size alike.
    ComputeThreads.forEachShare(of: threads, workPerItem: ComputeThreads.parallelWork, threads: threads) { shares in
      for thread in shares {
        for index in stride(from: thread, to: paths.count, by: threads) {
          let path = paths[index]
          let isKept = lock.withLock { images[path] != nil }
          guard !isKept else { continue }
          do throws(ImageDecodingError) {
            let pixels = try decode(path)
            lock.withLock { keep(pixels, for: path) }
          } catch {
            lock.withLock { errors[index] = error }
          }
        }
      }
    }
    return paths.indices.map { errors[$0] }
  }

  /// A batch `[N, height, width, channels]` of files already known to decode.
  func batch(of paths: [String]) -> PixelBatch {
    var pixels: [UInt8] = []
    pixels.reserveCapacity(paths.count * samplesPerImage)
    for path in paths {
      do {
        pixels += try load(path)
      } catch {
        // Every path here decoded when the dataset was made; one changed since then is shown black
        // rather than ending the epoch.
        TerminalOutput.current.writeLine("Warning: \(error) Used a black image instead.")
        pixels += repeatElement(0, count: samplesPerImage)
      }
    }
    return PixelBatch(shape: [paths.count] + imageShape, pixels: pixels)
  }

  // MARK: - Private helpers

  /// Decodes `path` into the dataset's shape, as Keras does: convert the channels, optionally crop
  /// the centre to the target's aspect ratio, then resize. Unlike Keras, a JPEG far larger than
  /// the target is decoded at a reduced size first, which is much faster and shrinks with less
  /// aliasing; and a resized image is rounded to whole pixel values (Keras keeps the fractions
  /// `tf.image.resize` gives), which moves each value by at most 0.5 of 255 and takes a quarter of
  /// the memory. An image already at the target size is kept exactly.
  ///
  /// Reads only constants: safe to call from several threads at once.
  private func decode(_ path: String) throws(ImageDecodingError) -> [UInt8] {
    let target = ImageSize(width: imageShape[1], height: imageShape[0])
    var image = try Image(contentsOf: path, reducedFor: target, usesExifOrientation: usesExifOrientation)
      .converted(toChannels: colorMode.channels)
    if cropToAspectRatio { image = image.croppedToAspectRatio(width: imageShape[1], height: imageShape[0]) }
    if image.width == imageShape[1] && image.height == imageShape[0] { return image.pixels }
    return image.resized(width: imageShape[1], height: imageShape[0], interpolation: interpolation).roundedToBytes
      .pixels
  }

  private func keep(_ pixels: [UInt8], for path: String) {
    guard keepsImages, images[path] == nil else { return }
    images[path] = pixels
    keptBytes += pixels.count
  }
}
