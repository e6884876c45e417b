import CNN
import Foundation

/// An output that keeps what is written, for checking printed text.
public final class CapturedOutput: @unchecked Sendable {
  private var buffer = ""
  private let lock = NSLock()

  public init() {}

  /// The training output that writes here, as a terminal or not.
  public func output(isTerminal: Bool, columns: Int = 80) -> TrainingOutput {
    TrainingOutput(isTerminal: isTerminal, columns: columns) { [self] text in lock.withLock { buffer += text } }
  }

  /// Everything written so far.
  public var text: String { lock.withLock { buffer } }
}
