import Foundation

/// Reproducible inputs for the DEFLATE and PNG encoder tests.
public enum DeflateTestData {
  /// `count` bytes from a fixed-seed SplitMix64 generator: incompressible, the same on every run.
  public static func randomBytes(count: Int, seed: UInt64 = 42) -> [UInt8] {
    var generator = SeededGenerator(state: seed)
    return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
  }

  /// The samples of a photograph-like image, row by row with channels interleaved: broad waves
  /// of colour plus a little noise (0...3 per sample).
  public static func smoothSamples(width: Int, height: Int, channels: Int) -> [UInt8] {
    let noise = randomBytes(count: width * height * channels, seed: 7)
    var samples: [UInt8] = []
    samples.reserveCapacity(width * height * channels)
    for y in 0..<height {
      for x in 0..<width {
        for c in 0..<channels {
          let wave = 100 + 60 * sin(Double(x) / (37 + 11 * Double(c))) * cos(Double(y) / 53)
          let slope = 40 * Double(x + 2 * y) / Double(width + 2 * height)
          samples.append(UInt8(wave + slope) &+ noise[samples.count] % 4)
        }
      }
    }
    return samples
  }

  /// The text the compression tests use: English with plenty of repeats.
  public static let text = Array(
    String(
      repeating: "It was the best of times, it was the worst of times, it was the age of wisdom, "
        + "it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity. ",
      count: 40
    ).utf8)
}
