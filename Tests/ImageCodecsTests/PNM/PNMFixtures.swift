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

  /// The `Fixtures/pnm` folder, found from this source file's path.
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/pnm")

  /// Every valid fixture.
  static let expected: [Expected] = {
    let data = try! Data(contentsOf: folder.appendingPathComponent("expected.json"))
    return try! JSONDecoder().decode([Expected].self, from: data)
  }()

  /// The bytes of the fixture `name`.
  static func bytes(_ name: String) -> [UInt8] {
    [UInt8](try! Data(contentsOf: folder.appendingPathComponent(name)))
  }

  /// The full path of the fixture `name`.
  static func path(_ name: String) -> String {
    folder.appendingPathComponent(name).path
  }
}
