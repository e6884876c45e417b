import LessonChecks

/// What happened when `lesson check` compiled and ran an exercise: either the code did not
/// compile, or the program ran (to its end or not) and reported its checks.
public enum ExerciseOutcome: Sendable {
  /// The learner's file and the checks did not compile together.
  case didNotCompile(CompileFailure)
  /// The program was built and run.
  case ran(ExerciseRun)

  /// Whether the exercise is solved: it compiled, ran to its end with status 0, ran every check
  /// the exercise's check file holds, and at least one check, all of which passed.
  public var passed: Bool {
    guard case .ran(let run) = self else { return false }
    return run.ending == .exited(status: 0) && run.reachedTheEnd && !run.results.isEmpty
      && run.results.allSatisfy(\.passed) && run.checksNotRun.isEmpty
      && run.reportProblem == nil
  }

  /// The name of the first check that failed, or why none could (it did not compile, it crashed);
  /// nil when the exercise passed. This is what the instructor's dashboard shows.
  public var firstFailure: String? {
    guard !passed else { return nil }
    guard case .ran(let run) = self else { return "does not compile" }
    if let failed = run.results.first(where: { !$0.passed }) { return failed.name }
    switch run.ending {
    case .exited: break
    case .crashed: return "crashed"
    case .timedOut: return "ran out of time"
    case .exceededMemory: return "used too much memory"
    case .exceededProcessorTime: return "used too much processor time"
    }
    if let missing = run.checksNotRun.first { return "did not reach \(missing)" }
    return run.results.isEmpty ? "no check ran" : "left before its last check"
  }
}

/// Why the program was not built.
public struct CompileFailure: Sendable {
  /// Every diagnostic, with file paths as the learner knows them.
  public var diagnostics: [CompilerDiagnostic]
  /// The compiler's whole output, paths mapped likewise.
  public var output: String
  /// The compile time limit when the compiler did not finish within it, otherwise nil.
  public var timeLimit: Duration?
  /// How long the compiler ran.
  public var duration: Duration

  /// The diagnostics that are errors.
  public var errors: [CompilerDiagnostic] {
    diagnostics.filter { $0.severity == .error }
  }
}

/// A program that was built and run: its check results and how it ended.
public struct ExerciseRun: Sendable {
  /// Every check the program recorded, in order, with `file` set to the path the learner knows.
  public var results: [CheckResult]
  /// Whether the program got past its last check (`finishChecks()` marked the report), rather
  /// than leaving early, with `exit(0)` say.
  public var reachedTheEnd: Bool
  /// How the program ended.
  public var ending: ProgramEnding
  /// The end of the program's standard output (check lines and the learner's own prints).
  public var standardOutput: String
  /// The end of the program's standard error, paths mapped to the ones the learner knows.
  public var standardError: String
  /// Why the check report could not be read, or nil when it was read (or never written).
  public var reportProblem: String?
  /// How long compiling took.
  public var compileDuration: Duration
  /// How long the program ran.
  public var runDuration: Duration
  /// The checks of the exercise's check file that did not run from it (see `ExpectedChecks`), in
  /// the check file's order.
  public var checksNotRun: [String] = []
  /// What the program printed beyond what was kept, or nil when everything was kept.
  public var droppedOutput: DroppedOutput?

  /// What the program's error output says about a crash: Swift's fatal error message, the line
  /// of the learner's or the check file where it happened, and the last lines before the
  /// backtrace.
  public var crash: CrashDetails {
    CrashDetails(standardError: standardError)
  }
}

/// How a check program ended.
public enum ProgramEnding: Equatable, Sendable {
  /// It ran to its end: status 0 when every check passed, 1 when one failed (`finishChecks()`).
  case exited(status: Int32)
  /// A signal ended it, usually a trap from a Swift runtime error.
  case crashed(signal: Int32, signalName: String)
  /// It was still running at the time limit and was stopped.
  case timedOut(limit: Duration)
  /// It asked for more memory than the limit, in bytes, and was stopped.
  case exceededMemory(limit: Int)
  /// It used more processor time than the limit and was stopped.
  case exceededProcessorTime(limit: Duration)
}

/// How much a program printed when it printed more than a check keeps.
public struct DroppedOutput: Equatable, Sendable {
  /// The bytes it wrote to standard output and error together.
  public var printedBytes: Int
  /// The bytes of each stream kept: the last ones.
  public var keptBytes: Int
}
