import Foundation

// Platform shim: whether another process still runs, asked the way `kill(1)` does without
// sending anything (signal 0).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum ProcessLiveness {
  /// This process's identifier.
  static var currentProcessID: Int32 { getpid() }

  /// Whether a process with identifier `pid` exists: one we may not signal (another user's)
  /// exists too. A process that ended, and whose identifier no new process took, does not.
  static func isRunning(_ pid: Int32) -> Bool {
    guard pid > 0 else { return false }
    return kill(pid, 0) == 0 || errno == EPERM
  }
}
