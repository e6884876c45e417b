import Foundation

/// A new, empty folder in the temporary directory, removed with everything in it when the last
/// reference to it goes (so a test suite holding one cleans up after each test).
public class TemporaryFolder {
  /// The folder's path.
  public let path: String

  /// Creates the folder, named `prefix` and a UUID.
  public init(prefix: String) throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The path of `relativePath` inside the folder.
  public func path(_ relativePath: String) -> String {
    (path as NSString).appendingPathComponent(relativePath)
  }
}
