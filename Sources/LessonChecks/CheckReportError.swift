/// A problem reading a check report file (see `CheckReportFile`).
public enum CheckReportError: Error, Equatable, CustomStringConvertible {
  /// The file could not be read: it is missing, or not readable.
  case unreadable(path: String, reason: String)
  /// A line of the file is not a check result.
  case malformedLine(path: String, line: Int, text: String)

  /// The message a learner or an author reads.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return """
        The check report \(path) could not be read (\(reason)). The check program may have \
        stopped before its first check; run it again and look at its output.
        """
    case .malformedLine(let path, let line, let text):
      return """
        Line \(line) of the check report \(path) is not a check result: \(text). Only the \
        LessonChecks library should write this file, one JSON object per line.
        """
    }
  }
}
