import Foundation

/// Where text for a terminal goes, and what that terminal can show: the lesson's prose, prompts
/// and pictures, and what CNN's `fit`, `evaluate`, `predict` and `summary()` print. By default it is
/// standard output, as `TerminalCapabilities.standardOutput` describes it (a terminal or not,
/// colours, width).
///
/// The lesson runner and the tests substitute their own for a stretch of code:
///
///     TerminalOutput.$current.withValue(myOutput) { try model.fit(…) }
public struct TerminalOutput: Sendable {
  /// Writes text exactly as given (it contains its own newlines).
  public var write: @Sendable (String) -> Void
  /// What the output can show.
  public var capabilities: TerminalCapabilities

  /// Creates an output that sends text to `write`.
  public init(capabilities: TerminalCapabilities, write: @escaping @Sendable (String) -> Void) {
    self.write = write
    self.capabilities = capabilities
  }

  /// Creates an output without colour that sends text to `write`: a terminal (where a progress
  /// bar may be redrawn in place) or not.
  public init(isTerminal: Bool, columns: Int = 80, write: @escaping @Sendable (String) -> Void) {
    self.init(capabilities: TerminalCapabilities(isTerminal: isTerminal, colors: .none, width: columns), write: write)
  }

  /// Whether the output is an interactive terminal, where a progress bar may be redrawn in place.
  public var isTerminal: Bool { capabilities.isTerminal }

  /// The width of the output in columns.
  public var columns: Int { capabilities.width }

  /// Standard output, described as it is when the program starts.
  public static let standard = TerminalOutput(capabilities: .standardOutput) { text in
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// The output in use for the current task.
  @TaskLocal public static var current: TerminalOutput = .standard

  /// Writes `line` followed by a newline. A plain line wider than the output is first broken at
  /// spaces (`TextLayout.fitted`), so that messages and printed values never run past the width;
  /// views lay out their own lines and are written as they are.
  public func writeLine(_ line: String) {
    let pieces = line.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
      TextLayout.fitted(String($0), width: capabilities.width)
    }
    write(pieces.joined(separator: "\n") + "\n")
  }
}
