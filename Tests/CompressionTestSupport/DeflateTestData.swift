import Foundation

@testable import ImageCodecs

/// Reproducible inputs for the DEFLATE and PNG encoder tests.
enum DeflateTestData {
  /// `count` bytes from a fixed-seed SplitMix64 generator: incompressible, the same on every run.
  static func randomBytes(count: Int, seed: UInt64 = 42) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
      state &+= 0x9E37_79B9_7F4A_7C15
      var mixed = state
      mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
      mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
      return UInt8(truncatingIfNeeded: mixed ^ (mixed >> 31))
    }
  }

  /// A photograph-like image: broad waves of colour plus a little noise (0...3 per sample).
  static func smoothImage(width: Int, height: Int, channels: Int) -> Image {
    let noise = randomBytes(count: width * height * channels, seed: 7)
    var pixels: [UInt8] = []
    pixels.reserveCapacity(width * height * channels)
    for y in 0..<height {
      for x in 0..<width {
        for c in 0..<channels {
          let wave = 100 + 60 * sin(Double(x) / (37 + 11 * Double(c))) * cos(Double(y) / 53)
          let slope = 40 * Double(x + 2 * y) / Double(width + 2 * height)
          pixels.append(UInt8(wave + slope) &+ noise[pixels.count] % 4)
        }
      }
    }
    return Image(width: width, height: height, channels: channels, pixels: pixels)
  }

  /// The text the compression tests use: English with plenty of repeats.
  static let text = Array(
    String(
      repeating: "It was the best of times, it was the worst of times, it was the age of wisdom, "
        + "it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity. ",
      count: 40
    ).utf8)
}
