import LessonChecks
import TerminalUI

/// Runs a fill-in exercise's code and checks inside the runner, collecting every check's result
/// (and any error the code throws, such as a value that no layer accepts) for the learner.
enum InProcessChecks {
  /// What running the checks gave.
  struct Outcome {
    /// Every check, in the order it ran.
    let results: [CheckResult]
    /// The error that stopped the code before its checks finished, if any.
    let error: Error?

    /// Whether the code ran to its end and every check passed.
    var passed: Bool { error == nil && !results.isEmpty && results.allSatisfy(\.passed) }

    /// The name of the first check that failed, or what stopped the code; nil when it passed.
    var firstFailure: String? {
      if let failed = results.first(where: { !$0.passed }) { return failed.name }
      if error != nil { return "stopped with an error" }
      return results.isEmpty ? "no check ran" : nil
    }

    /// `2 of 3 checks pass`.
    var summary: String {
      error == nil ? results.summary : results.summary + " (before the error)"
    }

    /// The results as the learner reads them.
    func lines(for capabilities: TerminalCapabilities) -> [String] {
      let items = results.map { result in
        CheckResultsView.Item(
          name: result.name, passed: result.passed, expected: result.expected, got: result.got,
          note: result.passed ? nil : result.hint.map { "Likely mistake: \($0)" })
      }
      let view = CheckResultsView(
        items: items, problem: error.map { "The code stopped with an error: \($0)" }, summary: summary,
        isSuccess: passed)
      return view.lines(for: capabilities)
    }
  }

  /// Runs `body` with a recorder of its own, so its checks are kept apart from any other.
  static func run(_ body: () throws -> Void) -> Outcome {
    let recorder = CheckRecorder(printing: nil)
    var thrown: Error?
    withRecorder(recorder) {
      do { try body() } catch { thrown = error }
    }
    return Outcome(results: recorder.results, error: thrown)
  }
}
