/// One message of the Swift compiler (or the linker it runs), as `file:line:column: error: text`
/// reads, without the source excerpt that follows it.
public struct CompilerDiagnostic: Equatable, Sendable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable {
    case error, warning, note, remark
  }

  /// The file it is about, as the compiler printed it, or nil (a linker error has none).
  public var file: String?
  /// The line in `file`, from 1.
  public var line: Int?
  /// The column in `line`, from 1.
  public var column: Int?
  /// Its severity.
  public var severity: Severity
  /// The message; with no file, the whole line the tool printed.
  public var message: String

  /// Creates a diagnostic as given.
  public init(file: String? = nil, line: Int? = nil, column: Int? = nil, severity: Severity, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.severity = severity
    self.message = message
  }

  /// `file:line: error: message`, or the tool's own line when there is no file.
  public var description: String {
    guard let file, let line else { return message }
    return "\(file):\(line): \(severity.rawValue): \(message)"
  }

  /// The diagnostics in `output`, the compiler's text in `-diagnostic-style llvm`, in order.
  /// Lines that are not diagnostics (source excerpts, carets) are skipped.
  public static func parse(_ output: String) -> [CompilerDiagnostic] {
    output.split(separator: "\n", omittingEmptySubsequences: true).compactMap { parse(line: String($0)) }
  }

  /// The diagnostic on one line of compiler output, or nil if the line is not one.
  static func parse(line: String) -> CompilerDiagnostic? {
    for severity in [Severity.error, .warning, .note, .remark] {
      let marker = ": \(severity.rawValue): "
      if line.hasPrefix("\(severity.rawValue): ") {
        return CompilerDiagnostic(severity: severity, message: line)
      }
      guard let range = line.range(of: marker) else { continue }
      let location = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
      // "path:line:column"; the path may itself hold colons, so the numbers are taken from the end.
      guard location.count >= 3, let lineNumber = Int(location[location.count - 2]), lineNumber > 0,
        let column = Int(location[location.count - 1])
      else { return CompilerDiagnostic(severity: severity, message: line) }
      return CompilerDiagnostic(
        file: location.dropLast(2).joined(separator: ":"), line: lineNumber, column: column, severity: severity,
        message: String(line[range.upperBound...]))
    }
    return nil
  }
}
