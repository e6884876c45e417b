import Foundation

// Platform shim: what the standard output is connected to. The only file of the library that
// asks the operating system about the terminal.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum Terminal {
  /// Whether standard output is an interactive terminal (not a pipe or a file).
  static var standardOutputIsTerminal: Bool {
    isatty(STDOUT_FILENO) != 0
  }

  /// The width of the terminal in columns, as Python's `shutil.get_terminal_size` finds it:
  /// the `COLUMNS` variable, then the terminal itself, then 80.
  static var columns: Int {
    if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 {
      return value
    }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
      return Int(size.ws_col)
    }
    return 80
  }

  /// Writes `text` to standard output at once, without buffering it behind later output.
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
