import Foundation

// Platform shim: the facts about standard output that only the operating system knows.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum TerminalProbe {
  /// Whether standard output is an interactive terminal.
  static var standardOutputIsTerminal: Bool {
    isatty(STDOUT_FILENO) != 0
  }

  /// The terminal's width in columns, or nil when standard output is not a terminal.
  static var standardOutputWidth: Int? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// The process's environment variables.
  static var environment: [String: String] {
    ProcessInfo.processInfo.environment
  }
}
