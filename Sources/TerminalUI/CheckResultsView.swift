/// The results of an exercise's checks as the learner reads them: one line per check, in order,
/// ✓ or ✗ with expected and got, an indented note under a check (the likely mistake), compile
/// errors, what stopped the program early, and a summary.
///
///     ✓ output shape
///     ✗ parameters — expected 448, got 432
///       Likely mistake: count the bias too, one per filter
///     1 of 2 checks pass
///
/// It knows nothing of where the results come from: every text is given. With colour the marks
/// are green and red and the summary bold; the words and marks carry the meaning either way.
/// Without Unicode the marks are `ok` and `X`. Every line fits the width: what is too long wraps
/// at spaces, indented under its first line, and a failure whose expected and got values do not
/// fit beside its name shows each on a line of its own:
///
///     ✗ output shape of the second convolution
///       expected [None, 13, 13, 32]
///       got      [None, 26, 26, 32]
public struct CheckResultsView: Sendable {
  /// One check's result.
  public struct Item: Sendable, Equatable {
    /// What was checked.
    public var name: String
    /// Whether it passed.
    public var passed: Bool
    /// The expected value as text, shown with `got` for a failure.
    public var expected: String?
    /// The value the code produced, as text.
    public var got: String?
    /// A line shown indented under the item (for example the likely mistake), or nil.
    public var note: String?

    /// Creates an item as given.
    public init(name: String, passed: Bool, expected: String? = nil, got: String? = nil, note: String? = nil) {
      self.name = name
      self.passed = passed
      self.expected = expected
      self.got = got
      self.note = note
    }
  }

  /// The checks, in the order they ran.
  public var items: [Item]
  /// Compile errors, one line each (`file:line: error: message`), shown before everything else.
  public var compileErrors: [String]
  /// What stopped the program before it finished (a crash, a time limit), or nil.
  public var problem: String?
  /// Lines that explain `problem`, such as the end of the program's error output.
  public var details: [String]
  /// The closing line: `3 of 4 checks pass`.
  public var summary: String
  /// Whether everything passed, which colours the summary green.
  public var isSuccess: Bool

  /// Creates the view from its texts.
  public init(
    items: [Item], compileErrors: [String] = [], problem: String? = nil, details: [String] = [], summary: String,
    isSuccess: Bool
  ) {
    self.items = items
    self.compileErrors = compileErrors
    self.problem = problem
    self.details = details
    self.summary = summary
    self.isSuccess = isSuccess
  }

  // MARK: - Drawing

  /// The view's lines for `capabilities`, none wider than their width.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let pass = ANSI.styled(capabilities.usesUnicode ? "✓" : "ok", Palette.good, capabilities)
    let fail = ANSI.styled(capabilities.usesUnicode ? "✗" : "X", Palette.bad, capabilities)
    let width = capabilities.width
    var lines = compileErrors.flatMap {
      TextLayout.hanging($0, first: "", rest: "  ", width: width).map { errorLine($0, capabilities) }
    }
    for item in items {
      let mark = (item.passed ? pass : fail) + " "
      let mismatch = item.passed ? nil : item.expected.flatMap { expected in item.got.map { (expected, $0) } }
      let line = mark + item.name + (mismatch.map { " — expected \($0.0), got \($0.1)" } ?? "")
      if TextLayout.visibleWidth(line) <= width {
        lines.append(line)
      } else {
        lines += TextLayout.hanging(item.name, first: mark, rest: "  ", width: width)
        if let (expected, got) = mismatch {
          let under = String(repeating: " ", count: 11)
          lines += TextLayout.hanging(expected, first: "  expected ", rest: under, width: width)
          lines += TextLayout.hanging(got, first: "  got      ", rest: under, width: width)
        }
      }
      if let note = item.note { lines += TextLayout.hanging(note, first: "  ", rest: "  ", width: width) }
    }
    if let problem {
      lines += TextLayout.hanging(problem, first: fail + " ", rest: "  ", width: width)
      lines += details.flatMap { detail in
        TextLayout.hanging(detail, first: "", rest: "", width: width - 2).map {
          "  " + ANSI.styled($0, Palette.axis, capabilities)
        }
      }
    }
    lines += TextLayout.wrapped(summary, width: width).map {
      ANSI.styled($0, isSuccess ? Palette.good : nil, bold: true, capabilities)
    }
    return lines
  }

  /// A line of a compile error with its `error:` in red.
  private func errorLine(_ line: String, _ capabilities: TerminalCapabilities) -> String {
    guard let range = line.range(of: " error:"), range.upperBound == line.endIndex || line[range.upperBound] == " "
    else { return line }
    return String(line[..<range.lowerBound]) + " " + ANSI.styled("error:", Palette.bad, bold: true, capabilities)
      + String(line[range.upperBound...])
  }
}
