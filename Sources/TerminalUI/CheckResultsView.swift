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
/// Without Unicode the marks are `ok` and `X`. Notes and details wrap to the width; names,
/// values and compile errors never wrap, so a value or a `file:line` stays in one piece.
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

  /// The view's lines for `capabilities`.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let pass = capabilities.usesUnicode ? "✓" : "ok"
    let fail = capabilities.usesUnicode ? "✗" : "X"
    let noteWidth = Swift.max(20, capabilities.width - 2)
    var lines: [String] = compileErrors.map { errorLine($0, capabilities) }
    for item in items {
      var line = ANSI.styled(item.passed ? pass : fail, item.passed ? Palette.good : Palette.bad, capabilities)
      line += " " + item.name
      if !item.passed, let expected = item.expected, let got = item.got {
        line += " — expected \(expected), got \(got)"
      }
      lines.append(line)
      if let note = item.note {
        lines += TextLayout.wrapped(note, width: noteWidth).map { "  " + $0 }
      }
    }
    if let problem {
      lines += TextLayout.wrapped(problem, width: noteWidth).enumerated().map { index, text in
        index == 0 ? ANSI.styled(fail, Palette.bad, capabilities) + " " + text : "  " + text
      }
      lines += details.map { "  " + ANSI.styled($0, Palette.axis, capabilities) }
    }
    lines.append(ANSI.styled(summary, isSuccess ? Palette.good : nil, bold: true, capabilities))
    return lines
  }

  /// A compile error with its `error:` in red.
  private func errorLine(_ line: String, _ capabilities: TerminalCapabilities) -> String {
    guard let range = line.range(of: " error: ") else { return line }
    return String(line[..<range.lowerBound]) + " " + ANSI.styled("error:", Palette.bad, bold: true, capabilities) + " "
      + String(line[range.upperBound...])
  }
}
