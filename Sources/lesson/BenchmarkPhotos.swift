import CNN
import Foundation
import ImageCodecs

/// A folder of camera-like JPEGs made from the shipped photos, for `lesson bench photos` without
/// a folder of the learner's own: one class per photo (astronaut, cat, coffee, rocket), each image
/// a random crop of its photo (60 to 100 % of the largest 4:3 area, anywhere in it), flipped left
/// to right half of the time, resized to 500×375 and saved as a quality-90 JPEG, 4:2:0, as a
/// phone saves a photo. The same seed makes the same files.
enum BenchmarkPhotos {
  /// The class names and the shipped photo each is cut from, relative to `Datasets`.
  static let sources = [
    ("astronaut", "photos/astronaut.png"), ("cat", "photos/chelsea.png"), ("coffee", "photos/coffee.png"),
    ("rocket", "photos/rocket.jpg"),
  ]
  /// The size of every image, as a camera's small setting writes it.
  static let width = 500, height = 375
  /// The JPEG quality, a camera's usual.
  static let quality = 90

  /// Writes `count` images (spread evenly over the classes) into `folder`, one sub-folder per
  /// class, cut from the photos in `datasets`.
  ///
  /// - Throws: `ImageDecodingError` when a shipped photo cannot be read or a file cannot be written.
  static func generate(count: Int, into folder: String, datasets: String, seed: UInt64 = 42) throws {
    var random = RandomGenerator(seed: seed)
    for (index, source) in sources.enumerated() {
      let photo = try Image(contentsOf: (datasets as NSString).appendingPathComponent(source.1)).converted(
        toChannels: 3)
      let classFolder = (folder as NSString).appendingPathComponent(source.0)
      try FileManager.default.createDirectory(atPath: classFolder, withIntermediateDirectories: true)
      let share = count / sources.count + (index < count % sources.count ? 1 : 0)
      for number in 0..<share {
        let image = crop(of: photo, using: &random)
        let path = (classFolder as NSString).appendingPathComponent(String(format: "%@-%04d.jpg", source.0, number))
        guard FileManager.default.createFile(atPath: path, contents: Data(image.jpegData(quality: quality))) else {
          throw ImageDecodingError(path: path, problem: .cannotWrite("the file could not be created"))
        }
      }
    }
  }

  /// One image: a random 4:3 crop of `photo`, maybe flipped, resized to 500×375.
  static func crop(of photo: Image, using random: inout RandomGenerator) -> Image {
    let largest = photo.croppedToAspectRatio(width: width, height: height)
    let scale = 0.6 + 0.4 * Double(random.nextUniform())
    let cropWidth = Swift.max(4, Int(Double(largest.width) * scale.squareRoot()))
    let cropHeight = Swift.min(photo.height, Swift.max(3, cropWidth * height / width))
    let left = Int(Double(photo.width - cropWidth) * Double(random.nextUniform()))
    let top = Int(Double(photo.height - cropHeight) * Double(random.nextUniform()))
    var image = photo.cropped(x: left, y: top, width: cropWidth, height: cropHeight)
    if random.nextUniform() < 0.5 { image = image.flippedHorizontally() }
    return image.resized(width: width, height: height, interpolation: .bilinear).roundedToBytes
  }
}
