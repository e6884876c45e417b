import Foundation

/// Whether processes are alive, for tests of what a child process leaves behind.
enum ProcessProbe {
  /// Whether the process `id` is gone (or a zombie) within five seconds.
  static func endsSoon(_ id: pid_t) -> Bool {
    for _ in 0..<500 {
      if kill(id, 0) != 0 || isZombie(id) { return true }
      usleep(10_000)
    }
    return false
  }

  /// Whether `/proc` says `id` is a zombie (always false where there is no `/proc`).
  private static func isZombie(_ id: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(id)/stat", encoding: .utf8),
      let end = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(after: end)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
  }

  /// The folder an interrupt test shares between the test process `parent` and its exit test.
  static func interruptTestFolder(parent: pid_t, signal: Int32) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("interrupt-test-\(parent)-\(signal)").path
  }
}
