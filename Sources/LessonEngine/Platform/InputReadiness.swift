// Platform shim: whether the learner has typed a line, without waiting for one, so `lesson watch`
// can keep looking at the file while listening for Enter.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum InputReadiness {
  /// Whether standard input is an interactive terminal (which shows what is typed).
  static var standardInputIsTerminal: Bool {
    isatty(STDIN_FILENO) != 0
  }

  /// Waits at most `seconds` for standard input to have something to read; true if it has (a
  /// line, or the end of input).
  static func standardInputIsReady(within seconds: Double) -> Bool {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, Int32(seconds * 1000)) > 0
  }
}
