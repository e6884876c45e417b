import Foundation

@testable import ImageCodecs

/// Reads the fixtures in `Tests/ImageCodecsTests/Fixtures/resize/`, whose expected values
/// TensorFlow and Keras computed (see the README and `make_fixtures.py` there).
enum ResizeFixtures {
  /// One resize: an input image, an output size and method, and TensorFlow's Float32 output.
  struct ResizeCase: Decodable, CustomStringConvertible, Sendable {
    /// The input's name: a `.u8` file in the folder, or `hash-…` for `hashImage`.
    let input: String
    /// The input's columns.
    let width: Int
    /// The input's rows.
    let height: Int
    /// The input's channels.
    let channels: Int
    /// The output's columns.
    let outputWidth: Int
    /// The output's rows.
    let outputHeight: Int
    /// `bilinear` or `nearest`.
    let interpolation: String
    /// The file of little-endian Float32 samples TensorFlow returned.
    let expected: String

    /// The expected file's name, so that test results list each case by it.
    var description: String { expected }
  }

  /// One PNG and what `tf.io.decode_png` returned for it with each `channels` argument.
  struct ChannelCase: Decodable, CustomStringConvertible, Sendable {
    /// The PNG file.
    let png: String
    /// The columns.
    let width: Int
    /// The rows.
    let height: Int
    /// The channels TensorFlow decoded with `channels=0` (the file's own).
    let nativeChannels: Int
    /// The `.u8` file of that decoding.
    let native: String
    /// For "1", "3" and "4": the `.u8` file TensorFlow returned for that many channels.
    let outputs: [String: String]
    /// How far our gray may be from TensorFlow's: 0, 1 (16-bit files), or nil when the file has a
    /// gAMA chunk and TensorFlow converts in linear light.
    let grayTolerance: Int?

    /// The PNG's name, so that test results list each case by it.
    var description: String { png }
  }

  /// The manifest `cases.json`.
  struct Manifest: Decodable {
    /// The TensorFlow version that computed the expected values.
    let tensorflow: String
    /// `tf.image.resize` cases.
    let resize: [ResizeCase]
    /// `keras.preprocessing.image.smart_resize` cases.
    let smartResize: [ResizeCase]
    /// `tf.io.decode_png` channel cases.
    let channels: [ChannelCase]
  }

  /// The `Fixtures/resize` folder.
  static let folder = FixtureFolder("resize")

  /// The parsed manifest.
  static let manifest = folder.decoded(Manifest.self, from: "cases.json")

  /// The bytes of the fixture `name`.
  static func bytes(_ name: String) -> [UInt8] { folder.bytes(name) }

  /// The little-endian Float32 values in the fixture `name`.
  static func floats(_ name: String) -> [Float] {
    let bytes = bytes(name)
    return stride(from: 0, to: bytes.count, by: 4).map { index in
      Float(bitPattern: bytes[index..<(index + 4)].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }
  }

  /// The input image of a case.
  static func input(of testCase: ResizeCase) -> Image {
    if testCase.input.hasPrefix("hash") {
      return hashImage(width: testCase.width, height: testCase.height, channels: testCase.channels)
    }
    return Image(
      width: testCase.width, height: testCase.height, channels: testCase.channels, pixels: bytes(testCase.input + ".u8")
    )
  }

  /// The large input defined by a formula in `make_fixtures.py`:
  /// `((x·73856093 ⊕ y·19349663 ⊕ c·83492791) mod 2³² >> 11) mod 256`.
  static func hashImage(width: Int, height: Int, channels: Int) -> Image {
    var pixels: [UInt8] = []
    pixels.reserveCapacity(width * height * channels)
    for y in 0..<height {
      for x in 0..<width {
        for c in 0..<channels {
          let mixed = UInt32(x) &* 73_856_093 ^ UInt32(y) &* 19_349_663 ^ UInt32(c) &* 83_492_791
          pixels.append(UInt8(truncatingIfNeeded: mixed >> 11))
        }
      }
    }
    return Image(width: width, height: height, channels: channels, pixels: pixels)
  }
}
