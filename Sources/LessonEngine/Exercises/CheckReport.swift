import LessonChecks
import TerminalUI

/// What `lesson check` shows after running an exercise: every check in order with ✓ or ✗,
/// expected and got; the likely mistake under the first failure only (the rest stay one line
/// each, so the first thing to fix stands out); compile errors as `file:line: error: message`;
/// why the program stopped early; and a summary.
///
///     ✓ output shape
///     ✗ parameters — expected 448, got 432
///       Likely mistake: count the bias too, one per filter
///     1 of 2 checks pass
///
/// It decides the words; `CheckResultsView` (TerminalUI) decides how they are drawn.
public struct CheckReport: Sendable {
  /// The view, with every text filled in.
  public let view: CheckResultsView

  /// The report of `outcome`.
  public init(_ outcome: ExerciseOutcome) {
    switch outcome {
    case .didNotCompile(let failure):
      view = Self.view(of: failure)
    case .ran(let run):
      view = Self.view(of: run)
    }
  }

  /// The report's lines for `capabilities`.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    view.lines(for: capabilities)
  }

  // MARK: - Compile failures

  private static func view(of failure: CompileFailure) -> CheckResultsView {
    if let limit = failure.timeLimit {
      return CheckResultsView(
        items: [], problem: "The compiler did not finish in \(seconds(limit)).",
        summary: "The code was not checked: try again, and simplify the code if it happens again.", isSuccess: false)
    }
    let errors = failure.errors
    // Without a parsed error (a linker failure, say), the compiler's last lines say what went wrong.
    let lines =
      errors.isEmpty
      ? failure.output.split(separator: "\n").suffix(10).map(String.init) : errors.map(\.description)
    let count = errors.count == 1 ? "1 error" : errors.isEmpty ? "errors" : "\(errors.count) errors"
    return CheckResultsView(
      items: [], compileErrors: lines,
      summary: "The code does not compile (\(count)): fix the first one above, then check again.", isSuccess: false)
  }

  // MARK: - Runs

  private static func view(of run: ExerciseRun) -> CheckResultsView {
    let firstFailure = run.results.firstIndex { !$0.passed }
    var items = run.results.enumerated().map { index, result in
      CheckResultsView.Item(
        name: result.name, passed: result.passed, expected: result.expected, got: result.got,
        note: index == firstFailure ? result.hint.map { "Likely mistake: \($0)" } : nil)
    }
    items += run.checksNotRun.map { CheckResultsView.Item(name: "\($0) — did not run", passed: false) }
    var (problem, details) = Self.problem(of: run)
    if let dropped = run.droppedOutput {
      if problem == nil { problem = note(on: dropped) } else { details.append(note(on: dropped)) }
    }
    let passedCount = run.results.filter(\.passed).count
    let total = run.results.count + run.checksNotRun.count
    var summary = total == 1 ? "\(passedCount) of 1 check passes" : "\(passedCount) of \(total) checks pass"
    if run.results.isEmpty {
      summary = "No check ran."
    } else if !run.checksNotRun.isEmpty {
      summary += " (\(run.checksNotRun.count) did not run)"
    } else if problem != nil && !run.reachedTheEnd {
      summary += " (the program stopped before the end)"
    }
    return CheckResultsView(
      items: items, problem: problem, details: details, summary: summary, isSuccess: ExerciseOutcome.ran(run).passed)
  }

  /// The note on output that was dropped: how much, and what to do.
  private static func note(on dropped: DroppedOutput) -> String {
    """
    Your program printed over \(size(dropped.printedBytes)); only the last \(size(dropped.keptBytes)) of it were \
    kept. Printing in a loop slows a program down: print less, or only once after the loop.
    """
  }

  /// What stopped the program early, and the lines that explain it, or nil.
  private static func problem(of run: ExerciseRun) -> (String?, [String]) {
    switch run.ending {
    case .exited(let status):
      if let reportProblem = run.reportProblem { return (reportProblem, []) }
      if status == 0 && !run.reachedTheEnd {
        return ("The program ended before its last check: does your code call exit() or finishChecks()?", [])
      }
      guard status != 0, run.results.allSatisfy(\.passed) else { return (nil, []) }
      return ("The program ended with exit status \(status).", run.crash.lastLines)
    case .timedOut(let limit):
      return ("The program did not finish in \(seconds(limit)): an endless loop?", [])
    case .exceededMemory(let limit):
      return (
        """
        Your program used more than \(size(limit)) of memory and was stopped. The exercises need far \
        less: look for an array that grows without end, or a size computed wrongly (a product of \
        image sizes, say).
        """, []
      )
    case .exceededProcessorTime(let limit):
      return (
        """
        Your program used more than \(seconds(limit)) of processor time and was stopped: an endless \
        loop, or a process it started that keeps running?
        """, []
      )
    case .crashed(let signal, let name):
      let crash = run.crash
      if crash.isUncaughtError, let message = crash.fatalErrorMessage {
        return (
          "The program stopped at an error that nothing caught:",
          [String(message.dropFirst(CrashDetails.uncaughtErrorPrefix.count))]
        )
      }
      var problem = "The program crashed (\(name): \(explanation(ofSignal: signal)))"
      problem += crash.location.map { " at \($0)." } ?? "."
      return (problem, crash.lastLines)
    }
  }

  /// What a learner's program usually did to end with `signal`.
  private static func explanation(ofSignal signal: Int32) -> String {
    switch ChildProcess.name(ofSignal: signal) {
    case "SIGILL", "SIGTRAP": return "a Swift runtime error such as an index out of range or a force-unwrapped nil"
    case "SIGSEGV", "SIGBUS": return "a bad memory access, often a function that calls itself without end"
    case "SIGABRT": return "the program aborted"
    case "SIGFPE": return "an arithmetic error"
    case "SIGKILL": return "killed from outside, perhaps for using too much memory"
    default: return "stopped by a signal"
    }
  }

  /// `4 GiB`, `16 MiB`, `300 KiB` or `12 bytes`: a size in whole binary units, rounded down.
  static func size(_ bytes: Int) -> String {
    for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes >= 1 << shift {
      return "\(bytes >> shift) \(unit)"
    }
    return bytes == 1 ? "1 byte" : "\(bytes) bytes"
  }

  /// `60 s`, as limits are written.
  private static func seconds(_ duration: Duration) -> String {
    let value = duration.timeInterval
    return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }
}
