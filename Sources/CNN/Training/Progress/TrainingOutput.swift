import Foundation

/// Where `fit`, `evaluate`, `predict` and `summary()` write, and what it is: by default standard
/// output, with its terminal width and whether it is a terminal at all.
///
/// The lesson runner and the tests substitute their own for a stretch of code:
///
///     TrainingOutput.$current.withValue(myOutput) { try model.fit(…) }
public struct TrainingOutput: Sendable {
  /// Writes text exactly as given (it contains its own newlines).
  public var write: @Sendable (String) -> Void
  /// Whether the output is an interactive terminal, where a progress bar may be redrawn in place.
  public var isTerminal: Bool
  /// The width of the output in columns.
  public var columns: Int

  /// Creates an output that sends text to `write`.
  public init(isTerminal: Bool, columns: Int = 80, write: @escaping @Sendable (String) -> Void) {
    self.write = write
    self.isTerminal = isTerminal
    self.columns = columns
  }

  /// Standard output, described as it is when the program starts.
  public static let standard = TrainingOutput(
    isTerminal: Terminal.standardOutputIsTerminal, columns: Terminal.columns, write: Terminal.write)

  /// The output in use for the current task.
  @TaskLocal public static var current: TrainingOutput = .standard

  /// Writes `line` followed by a newline.
  public func writeLine(_ line: String) {
    write(line + "\n")
  }
}
