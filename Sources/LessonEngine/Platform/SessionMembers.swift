import Foundation

// Platform shim: finding every process of a session, to end what a check program started in
// process groups of its own (Foundation's `Process` gives each child its own group on Linux, so
// killing the program's group alone would miss them). A process in another session, one that
// called `setsid` itself, is not found; nothing short of a container would find it.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The processes of one session.
enum SessionMembers {
  /// The ids of the living processes whose session is `session`.
  static func ids(inSession session: pid_t) -> [pid_t] {
    allProcessIDs().filter { $0 != getpid() && getsid($0) == session }
  }

  /// Kills every process of `session` with SIGKILL, again until none is left (a process may fork
  /// while the others are killed), at most ten rounds.
  static func killAll(inSession session: pid_t) {
    for _ in 0..<10 {
      let members = ids(inSession: session)
      guard !members.isEmpty else { return }
      for member in members { _ = kill(member, SIGKILL) }
    }
  }

  /// Every process id on the system that this process can see.
  private static func allProcessIDs() -> [pid_t] {
    #if canImport(Darwin)
      let count = proc_listallpids(nil, 0)
      guard count > 0 else { return [] }
      var ids = [pid_t](repeating: 0, count: Int(count) + 64)
      let filled = ids.withUnsafeMutableBytes { proc_listallpids($0.baseAddress, Int32($0.count)) }
      return Array(ids.prefix(Int(Swift.max(0, filled))))
    #else
      let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
      return names.compactMap { pid_t($0) }
    #endif
  }
}
