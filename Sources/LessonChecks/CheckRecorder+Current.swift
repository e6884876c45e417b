import Foundation

extension CheckRecorder {
  /// The name of the environment variable that holds the report file of the shared recorder. The
  /// lesson runner sets it for the check program it starts.
  public static let reportPathVariable = "LESSON_CHECK_REPORT"

  /// The process's recorder, which checks use outside `withRecorder(_:operation:)`: it prints
  /// every result and, when `LESSON_CHECK_REPORT` names a file, writes the results there.
  public static let shared = CheckRecorder(reportPath: ProcessInfo.processInfo.environment[reportPathVariable])

  /// The recorder that checks record into now.
  ///
  /// A task-local value rather than a plain global, so that concurrent tests, each inside its
  /// own `withRecorder`, never see each other's results, while top-level code on the main thread
  /// of a program compiled alone (outside any task) gets `shared`.
  @TaskLocal public static var current: CheckRecorder = .shared
}

/// Runs `operation` with `recorder` as the current recorder, so that the checks it runs (on this
/// thread or in the tasks it awaits) record there, and returns what `operation` returns.
///
///     let recorder = CheckRecorder(printing: nil)
///     try withRecorder(recorder) { try runFillInChecks() }
public func withRecorder<Result>(_ recorder: CheckRecorder, operation: () throws -> Result) rethrows -> Result {
  try CheckRecorder.$current.withValue(recorder, operation: operation)
}

/// Runs the asynchronous `operation` with `recorder` as the current recorder, and returns what
/// it returns.
public func withRecorder<Result>(
  _ recorder: CheckRecorder, isolation: isolated (any Actor)? = #isolation, operation: () async throws -> Result
) async rethrows -> Result {
  try await CheckRecorder.$current.withValue(recorder, operation: operation)
}
