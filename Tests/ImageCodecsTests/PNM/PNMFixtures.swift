import Foundation

/// Finds and reads the fixtures in `Tests/ImageCodecsTests/Fixtures/pnm/` (see the README there).
enum PNMFixtures {
  /// One valid fixture as `expected.json` lists it.
  struct Expected: Decodable, CustomStringConvertible, Sendable {
    /// The file name in `Fixtures/pnm/`.
    let file: String
    /// `P2`, `P3`, `P5` or `P6`.
    let magic: String
    /// The number of columns.
    let width: Int
    /// The number of rows.
    let height: Int
    /// 1 for PGM, 3 for PPM.
    let channels: Int
    /// The maxval in the header.
    let maxval: Int
    /// The tool whose decoding is expected.
    let reference: String

    /// The file name, so that test results list each case by it.
    var description: String { file }
  }

  /// The `Fixtures/pnm` folder.
  static let folder = FixtureFolder("pnm")

  /// Every valid fixture.
  static let expected = folder.decoded([Expected].self, from: "expected.json")

  /// The bytes of the fixture `name`.
  static func bytes(_ name: String) -> [UInt8] { folder.bytes(name) }

  /// The full path of the fixture `name`.
  static func path(_ name: String) -> String { folder.path(name) }
}
