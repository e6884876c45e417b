/// The outcome of one `check(…)`: its name, whether it passed, what was expected and what the
/// code produced (as text), the hint for a failure, and where the check is written.
///
/// Results are what a check program reports to the lesson runner, one JSON object per line (see
/// `CheckReportFile`), and what the runner shows the learner, in the order the checks ran.
///
///     ✓ output shape
///     ✗ parameters: expected 448, got 432 — count the bias too: one per filter
public struct CheckResult: Codable, Equatable, Sendable, CustomStringConvertible {
  /// What the check is about, as the learner reads it: `"output shape"`.
  public var name: String
  /// Whether the code did what was expected.
  public var passed: Bool
  /// The expected value as text (`"[30, 30, 16]"`, `"0.5 ± 0.01"`), or nil for a check of a condition.
  public var expected: String?
  /// The value the code produced, as text, or nil for a check of a condition.
  public var got: String?
  /// The likely mistake behind a failure, written by the exercise's author, or nil.
  public var hint: String?
  /// The file the check is written in, as `#fileID` gives it (`"Module/check.swift"`).
  public var file: String
  /// The line of the check in `file`.
  public var line: Int

  /// Creates a result as given.
  public init(
    name: String, passed: Bool, expected: String? = nil, got: String? = nil, hint: String? = nil, file: String,
    line: Int
  ) {
    self.name = name
    self.passed = passed
    self.expected = expected
    self.got = got
    self.hint = hint
    self.file = file
    self.line = line
  }

  /// The line printed for the check: `✓ name` when it passed, otherwise
  /// `✗ name: expected E, got G — hint` (the parts that are known).
  public var description: String {
    guard !passed else { return "✓ \(name)" }
    var text = "✗ \(name)"
    if let expected, let got {
      text += ": expected \(expected), got \(got)"
    }
    if let hint {
      text += " — \(hint)"
    }
    return text
  }
}

extension [CheckResult] {
  /// `"3 of 4 checks pass"` (`"1 of 1 check passes"`): the line that ends a list of results.
  public var summary: String {
    let passed = filter(\.passed).count
    return count == 1 ? "\(passed) of 1 check passes" : "\(passed) of \(count) checks pass"
  }
}
