import Foundation

/// Collects the results of the checks that run while it is current, prints a line for each one,
/// and, when given a report path, appends each result to that file as a line of JSON.
///
/// Every check function records into `CheckRecorder.current`: the process's shared recorder
/// (`CheckRecorder.shared`) unless code runs inside `withRecorder(_:operation:)`. A check program
/// compiled alone uses the shared one; the lesson runner and tests give each exercise its own.
///
///     let recorder = CheckRecorder(printing: nil)
///     withRecorder(recorder) { try? check("answer", 6 * 7, equals: 42) }
///     recorder.results.map(\.passed)   // [true]
///
/// Each result reaches the report file in one write as soon as it is recorded, so the results so
/// far survive a program that crashes or is stopped after a time limit.
public final class CheckRecorder: @unchecked Sendable {
  /// Guards `recorded` and writes to the report file: checks may record from several threads.
  private let lock = NSLock()
  private var recorded: [CheckResult] = []
  private var report: FileHandle?
  private let printLine: (@Sendable (String) -> Void)?

  /// Creates a recorder.
  ///
  /// - Parameters:
  ///   - reportPath: a file to write each result to as a JSON line (created or emptied now), or
  ///     nil to keep the results only in memory. If the file cannot be opened, the recorder says
  ///     so on standard error once and keeps the results in memory.
  ///   - printLine: what to do with each result's printed line (`✓ name`); by default it is
  ///     printed to standard output at once; nil prints nothing.
  public init(reportPath: String? = nil, printing printLine: (@Sendable (String) -> Void)? = CheckRecorder.printNow) {
    self.printLine = printLine
    if let reportPath {
      report = CheckReportFile.openForWriting(at: reportPath)
    }
  }

  // MARK: - Recording and reading

  /// Adds `result`, prints its line and appends it to the report file.
  public func record(_ result: CheckResult) {
    lock.withLock {
      recorded.append(result)
      if let report, let line = CheckReportFile.line(for: result) {
        report.writeIgnoringErrors(line)
      }
    }
    printLine?(result.description)
  }

  /// Every result recorded so far, in the order the checks ran.
  public var results: [CheckResult] {
    lock.withLock { recorded }
  }

  /// How many of the recorded checks failed.
  public var failureCount: Int {
    results.filter { !$0.passed }.count
  }

  /// `"3 of 4 checks pass"`: the line that ends a check program's output.
  public var summary: String {
    results.summary
  }

  /// Ends the report file with `CheckReportFile.endLine`, followed by `runToken` when given, and
  /// closes it, after which results are kept in memory only.
  public func closeReport(runToken: String? = nil) {
    lock.withLock {
      let end = CheckReportFile.endLine + (runToken.map { " " + $0 } ?? "")
      report?.writeIgnoringErrors(Data((end + "\n").utf8))
      try? report?.close()
      report = nil
    }
  }

  /// Prints `line` to standard output and flushes it, so that check lines and the program's own
  /// output appear in the order they happened even when standard output is a pipe.
  public static let printNow: @Sendable (String) -> Void = { line in
    print(line)
    StandardStreams.flushOutput()
  }
}
