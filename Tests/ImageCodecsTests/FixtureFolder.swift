import Foundation

/// One folder of `Tests/ImageCodecsTests/Fixtures/`, found from this source file's path: the
/// reading every codec's fixture helper shares. A missing or unreadable fixture stops the tests
/// with the file's name and how to make it again.
struct FixtureFolder: Sendable {
  /// The folder.
  let url: URL

  /// The fixture folder `name`, such as `"png"`.
  init(_ name: String) {
    url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
  }

  /// The full path of the fixture `name` (which may lie in a sub-folder: `pngsuite/basn0g01.png`).
  func path(_ name: String) -> String {
    url.appendingPathComponent(name).path
  }

  /// The bytes of the fixture `name`.
  func bytes(_ name: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path(name)) else {
      fatalError("Missing fixture \(path(name)); run the make_fixtures script beside it (see the README there)")
    }
    return [UInt8](data)
  }

  /// The JSON file `name`, decoded.
  func decoded<Value: Decodable>(_ type: Value.Type, from name: String) -> Value {
    do {
      return try JSONDecoder().decode(type, from: Data(bytes(name)))
    } catch {
      fatalError("The fixture \(path(name)) does not decode as \(type): \(error)")
    }
  }
}
