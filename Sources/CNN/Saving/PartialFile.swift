import Foundation

/// The temporary file a save writes before renaming it over the file it saves:
/// `.NAME.partial-PID-UUID` in the same folder, where PID is the saving process.
///
/// A save that is killed part-way (Ctrl-C twice, a closed laptop, `kill -9`) cannot remove its
/// partial file. The process identifier in the name lets the next save to the same path tell such
/// a leftover from a save still under way in another process, and remove it.
enum PartialFile {
  /// A new partial file's path for a save to `path`.
  static func path(savingTo path: String) -> String {
    let (folder, name) = split(path)
    return "\(folder).\(name).partial-\(ProcessLiveness.currentProcessID)-\(UUID().uuidString)"
  }

  /// Removes the partial files left beside `path` by saves whose process has ended. Names without
  /// a process identifier (written before it was added) count as left over; anything that cannot
  /// be listed or removed is left alone.
  static func removeLeftovers(besides path: String) {
    let (folder, name) = split(path)
    let prefix = ".\(name).partial-"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : String(folder))) ?? []
    for candidate in names where candidate.hasPrefix(prefix) {
      let owner = candidate.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
      if let owner, ProcessLiveness.isRunning(owner) { continue }
      try? FileManager.default.removeItem(atPath: "\(folder)\(candidate)")
    }
  }

  /// `path`'s folder, with its final `/` (empty for the current folder), and its file name.
  private static func split(_ path: String) -> (folder: Substring, name: Substring) {
    let separator = path.lastIndex(of: "/")
    let folder = separator.map { path[...$0] } ?? ""
    let name = separator.map { path[path.index(after: $0)...] } ?? path[...]
    return (folder, name)
  }
}
