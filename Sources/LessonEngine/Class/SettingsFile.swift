import Foundation

/// The small `key: value` files class mode keeps in the workspace (`class.txt`, the class's
/// `current.txt`), which a person can read and edit. Lines starting with `#` are comments.
enum SettingsFile {
  /// The fields of the file at `path`, or nil when there is none, it is longer than `byteLimit`
  /// (no such file of ours is), or it is not text.
  static func fields(at path: String, byteLimit: Int = 4_096) -> [String: String]? {
    guard let data = FileManager.default.contents(atPath: path), data.count <= byteLimit,
      let text = String(data: data, encoding: .utf8)
    else { return nil }
    var fields: [String: String] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if parts.count == 2 { fields[parts[0]] = parts[1] }
    }
    return fields
  }
}
