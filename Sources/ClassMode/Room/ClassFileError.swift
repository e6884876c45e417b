import TextEscaping

/// Why a class file (the log, the report, a learner's class settings) cannot be used.
public enum ClassFileError: Error, Equatable, CustomStringConvertible {
  /// The file or folder cannot be written.
  case cannotWrite(path: String, reason: String)
  /// The file cannot be read.
  case cannotRead(path: String, reason: String)
  /// The file is larger than any the lesson writes.
  case tooLarge(path: String, byteCount: Int, limit: Int)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason):
      return "Cannot write \(path.escapedForTerminal()): \(reason). Check that the folder exists and is yours."
    case .cannotRead(let path, let reason):
      return "Cannot read \(path.escapedForTerminal()): \(reason)."
    case .tooLarge(let path, let byteCount, let limit):
      return "\(path.escapedForTerminal()) is \(byteCount) bytes, more than the \(limit) a class log can be: "
        + "it is not a file lesson wrote. Move it aside and start again."
    }
  }
}
