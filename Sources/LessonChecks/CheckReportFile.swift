import Foundation

/// The file in which a check program reports its results to the lesson runner: one
/// `CheckResult` per line, as a JSON object, in the order the checks ran (JSON Lines).
///
///     {"expected":"[30, 30, 16]","file":"Exercise/main.swift","got":"[31, 31, 16]","line":4,…}
///
/// One object per line lets the program append each result as it happens, so the runner still
/// reads the results so far after a crash or a time-out. `finishChecks()` ends the file with
/// `endLine`, which tells a program that ran every check from one that left early with `exit(0)`.
public enum CheckReportFile {
  /// The last line of a report whose program reached `finishChecks()`.
  public static let endLine = "# end of checks"

  /// Reads every result in the file at `path`, in order; blank lines are skipped.
  ///
  /// - Throws: `CheckReportError.unreadable` when the file cannot be read,
  ///   `CheckReportError.malformedLine` when a line is not a result.
  public static func read(from path: String) throws(CheckReportError) -> [CheckResult] {
    try contents(ofFileAt: path).results
  }

  /// Every result in the file at `path`, whether the file ends with `endLine`, and the run token
  /// written after it (see `finishChecks(runToken:)`), or nil.
  ///
  /// - Throws: as `read(from:)` does.
  public static func contents(ofFileAt path: String) throws(CheckReportError) -> (
    results: [CheckResult], isComplete: Bool, runToken: String?
  ) {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
    let last = data.split(separator: UInt8(ascii: "\n")).last.map { String(decoding: $0, as: UTF8.self) }
    let isComplete = last.map(isEndLine) ?? false
    let token = last.map { String($0.dropFirst(endLine.count + 1)) } ?? ""
    let runToken = isComplete && !token.isEmpty ? token : nil
    return (try results(in: data, path: path), isComplete, runToken)
  }

  /// Whether `line` is `endLine`, alone or followed by a space and a run token.
  private static func isEndLine(_ line: String) -> Bool {
    line == endLine || line.hasPrefix(endLine + " ")
  }

  /// The results in `data`, the contents of a report file; `path` names it in errors.
  ///
  /// - Throws: `CheckReportError.malformedLine` when a line is not a result.
  public static func results(in data: Data, path: String) throws(CheckReportError) -> [CheckResult] {
    let decoder = JSONDecoder()
    var results: [CheckResult] = []
    for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
      guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { continue }
      if isEndLine(String(decoding: line, as: UTF8.self)) { continue }
      do {
        results.append(try decoder.decode(CheckResult.self, from: Data(line)))
      } catch {
        throw .malformedLine(path: path, line: index + 1, text: String(decoding: line.prefix(200), as: UTF8.self))
      }
    }
    return results
  }

  /// `result` as one line of the file: its JSON object and a newline, or nil if it cannot be
  /// encoded (which a result of strings, a Boolean and a number never is).
  public static func line(for result: CheckResult) -> Data? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard var data = try? encoder.encode(result) else { return nil }
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// Creates (or empties) the file at `path` and opens it for appending results, or, when that is
  /// not possible, says so on standard error and returns nil.
  static func openForWriting(at path: String) -> FileHandle? {
    if FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) {
      return handle
    }
    let message = """
      LessonChecks: cannot write the check report to \(path); the results are only printed. \
      Check that its folder exists and can be written to.

      """
    FileHandle.standardError.write(Data(message.utf8))
    return nil
  }
}

extension FileHandle {
  /// Writes `data` in one call, ignoring errors: a report that cannot be written must not stop
  /// the checks, which are printed as well.
  func writeIgnoringErrors(_ data: Data) {
    try? write(contentsOf: data)
  }
}
