import Foundation
import ImageCodecs
import LessonEngine
import TerminalUI

/// `lesson bench decode [PATH…]`: how fast image files decode, from bytes already in memory (so
/// the disk does not count). A JPEG is also timed at 1/2, 1/4 and 1/8 of its size, decoded in the
/// DCT domain as `imageDatasetFromDirectory` does for small targets. Without paths it times the
/// two rocket photos in `Datasets/photos`: 640×427 and 12 megapixels.
struct DecodeBench {
  /// The files to time; empty for the two rocket photos.
  let paths: [String]

  /// The files timed when none are named, relative to `Datasets`.
  static let standardFiles = ["photos/rocket.jpg", "photos/rocket-12mp.jpg"]

  func run() throws {
    let files = try paths.isEmpty ? Self.standardPaths() : paths
    TerminalOutput.current.writeLine("Decoding from memory; each line is the median of 5 rounds of about 0.2 s.")
    for path in files {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      let info = try Image.info(of: bytes, path: path)
      let name = (path as NSString).lastPathComponent
      let scales = info.format == .jpeg ? [1, 2, 4, 8] : [1]
      for scale in scales {
        let target = ImageSize(width: divideRoundingUp(info.width, scale), height: divideRoundingUp(info.height, scale))
        let reduced = scale == 1 ? nil : target
        let image = try Image(decoding: bytes, path: path, reducedFor: reduced)
        let seconds = Self.medianSeconds { _ = try? Image(decoding: bytes, path: path, reducedFor: reduced) }
        let megapixels = Double(info.width * info.height) / 1e6
        let size = scale == 1 ? "full size" : "at 1/\(scale) → \(image.width)×\(image.height)"
        let figures = String(
          format: "%8.2f ms  %7.1f images/s  %6.1f MP/s", seconds * 1000, 1 / seconds, megapixels / seconds)
        TerminalOutput.current.writeLine(
          name.padded(to: 18) + "\(info.width)×\(info.height)".padded(to: 11) + size.padded(to: 20) + figures)
      }
    }
  }

  /// The seconds one call of `body` takes: the median over five rounds of about 0.2 s each,
  /// after one call to warm up.
  static func medianSeconds(_ body: () -> Void) -> Double {
    body()
    var rounds: [Double] = []
    for _ in 0..<5 {
      var calls = 0
      let start = Date()
      var elapsed = 0.0
      while elapsed < 0.2 || calls < 2 {
        body()
        calls += 1
        elapsed = Date().timeIntervalSince(start)
      }
      rounds.append(elapsed / Double(calls))
    }
    return rounds.sorted()[rounds.count / 2]
  }

  /// The standard files' full paths, found from the project folder.
  static func standardPaths() throws -> [String] {
    guard let datasets = ProjectFolder.datasets() else { throw LessonError.datasetsNotFound }
    return standardFiles.map { (datasets as NSString).appendingPathComponent($0) }
  }

  private func divideRoundingUp(_ value: Int, _ divisor: Int) -> Int { (value + divisor - 1) / divisor }
}

extension String {
  /// The string with spaces after it up to `length` characters (never cut).
  fileprivate func padded(to length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
