import CNN
import Foundation
import TerminalUI

/// An output that keeps what is written, for checking printed text.
public final class CapturedOutput: @unchecked Sendable {
  private var buffer = ""
  private let lock = NSLock()

  public init() {}

  /// The training output that writes here, as a terminal or not, without colour.
  public func output(isTerminal: Bool, columns: Int = 80) -> TerminalOutput {
    output(capabilities: TerminalCapabilities(isTerminal: isTerminal, colors: .none, width: columns))
  }

  /// The training output that writes here, able to show what `capabilities` says.
  public func output(capabilities: TerminalCapabilities) -> TerminalOutput {
    TerminalOutput(capabilities: capabilities) { [self] text in lock.withLock { buffer += text } }
  }

  /// Everything written so far.
  public var text: String { lock.withLock { buffer } }
}
