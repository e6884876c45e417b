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

  /// The terminal's size in columns and rows, or nil when standard output is not a terminal.
  static var standardOutputSize: (columns: Int, rows: Int?)? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return (Int(size.ws_col), size.ws_row > 0 ? Int(size.ws_row) : nil)
  }

  /// The process's environment variables.
  static var environment: [String: String] {
    ProcessInfo.processInfo.environment
  }
}
