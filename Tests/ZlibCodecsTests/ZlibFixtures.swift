import Foundation

/// Finds and reads the zlib streams in `Tests/ZlibCodecsTests/Fixtures/zlib/`, which
/// `make_zlib_fixtures.py` there wrote (see the README beside it).
enum ZlibFixtures {
  /// The `Fixtures/zlib` folder, found from this source file's path.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures/zlib")

  /// The bytes of the fixture `name`, such as `text.level6.zlib`. A missing fixture stops the
  /// tests with its path and how to make it again.
  static func bytes(_ name: String) -> [UInt8] {
    let path = folder.appendingPathComponent(name).path
    guard let data = FileManager.default.contents(atPath: path) else {
      fatalError("Missing fixture \(path); run make_zlib_fixtures.py beside it")
    }
    return [UInt8](data)
  }
}
