/// Ends a check program: prints the summary (`3 of 4 checks pass`), closes the report file and
/// exits with status 0 when every check passed, 1 otherwise.
///
/// `lesson check` calls it after the last line of an exercise's `check.swift` (the program it
/// builds adds the call), so `check.swift` need not; a check program compiled by hand ends with it:
///
///     try check("parameters", model.parameterCount, equals: 448)
///     finishChecks()
///
/// An explicit call, rather than a hook that runs at exit, because only a program may decide to
/// exit: the lesson runner and tests record checks in-process and must never call it. A program
/// that leaves it out still reports every result (each one is written as it is recorded); it only
/// exits with status 0 whatever the results.
///
/// - Parameter runToken: what `lesson check` gives the program it builds (in that program's
///   source, which no learner code sees), written after the report's end line: the runner counts
///   a run as complete only when the token matches, so a learner's own `finishChecks()` call,
///   which ends the program before the exercise's checks have run, is not taken for the end.
public func finishChecks(runToken: String? = nil) -> Never {
  let recorder = CheckRecorder.current
  print(recorder.summary)
  recorder.closeReport(runToken: runToken)
  StandardStreams.flushOutput()
  StandardStreams.exit(status: recorder.failureCount == 0 ? 0 : 1)
}
