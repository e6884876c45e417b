import Foundation

/// Finds and reads the PNG and zlib fixtures in `Tests/ImageCodecsTests/Fixtures/png/`, which
/// `make_fixtures.py` and `zlib/make_zlib_fixtures.py` there wrote (see the README beside them).
enum PNGFixtures {
  /// One valid PNG fixture and what a reference decoder made of it (`expected.json`).
  struct Expected: Decodable, CustomStringConvertible, Sendable {
    /// The path under `Fixtures/png/`, such as `pngsuite/basn0g01.png`.
    let file: String
    /// The width in pixels.
    let width: Int
    /// The height in pixels.
    let height: Int
    /// The channels after decoding: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA.
    let channels: Int
    /// The bit depth in IHDR.
    let bitDepth: Int
    /// Whether the file is Adam7-interlaced.
    let interlaced: Bool
    /// Which decoders produced (and agreed on) the expected pixels.
    let reference: String

    /// The file name, so that test results list each case by it.
    var description: String { file }
  }

  /// The `Fixtures/png` folder.
  static let folder = FixtureFolder("png")

  /// Every valid fixture listed in `expected.json`.
  static let expected = folder.decoded([Expected].self, from: "expected.json")

  /// The full path of a fixture, `name` relative to `Fixtures/png`.
  static func path(_ name: String) -> String { folder.path(name) }

  /// The bytes of a fixture, `name` relative to `Fixtures/png`.
  static func bytes(_ name: String) -> [UInt8] { folder.bytes(name) }

  /// The expected samples of a valid fixture: the `.raw` file beside it.
  static func expectedPixels(_ fixture: Expected) -> [UInt8] {
    bytes(String(fixture.file.dropLast(4)) + ".raw")
  }
}
