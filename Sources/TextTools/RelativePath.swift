extension StringProtocol {
  /// Returns this path as seen from the folder `root`, for messages: `Lessons/exercises/a/check.swift`
  /// rather than `/home/ada/cnn-lesson/Lessons/exercises/a/check.swift`.
  ///
  /// A path outside `root` (or `root` itself) is returned whole. `root` may end with a slash.
  ///
  ///     "/p/Lessons/01.md".relativePath(to: "/p")    // "Lessons/01.md"
  ///     "/elsewhere/01.md".relativePath(to: "/p")    // "/elsewhere/01.md"
  public func relativePath(to root: String) -> String {
    let folder = root.hasSuffix("/") ? root : root + "/"
    return hasPrefix(folder) ? String(dropFirst(folder.count)) : String(self)
  }
}
