import Foundation
import TerminalUI

/// Where the runner reads the learner's answers and key presses: one line at a time, so it works
/// the same in a terminal, a pipe, a script and a test.
public protocol LineInput: AnyObject {
  /// The next line without its newline, or nil at the end of input.
  func readLine() -> String?
  /// Whether what is read should be written back to the output: true when nobody typed it where
  /// it shows (a pipe, a script), so that the transcript shows the answers.
  var echoes: Bool { get }
}

/// Standard input.
public final class StandardInput: LineInput {
  /// Creates a reader of standard input.
  public init() {}

  /// The next line typed (or piped), or nil at the end.
  public func readLine() -> String? {
    Swift.readLine(strippingNewline: true)
  }

  /// True when standard input is not a terminal, which would have shown the typing itself.
  public var echoes: Bool { !InputReadiness.standardInputIsTerminal }
}

/// Lines given in advance, for tests and scripted walks.
public final class ScriptedInput: LineInput {
  private var lines: [String]

  /// Creates an input that answers with `lines`, then reports the end of input.
  public init(_ lines: [String]) {
    self.lines = lines
  }

  /// The next scripted line, or nil when none is left.
  public func readLine() -> String? {
    lines.isEmpty ? nil : lines.removeFirst()
  }

  /// How many lines were not read.
  public var remaining: Int { lines.count }

  /// Scripted answers are written back, so a transcript shows them.
  public var echoes: Bool { true }
}

extension LineInput {
  /// Reads the next line and, when the input echoes, writes it after the prompt, so a transcript
  /// of a piped or scripted walk shows every answer.
  func readAnswer(echoingTo output: TerminalOutput) -> String? {
    let line = readLine()
    if echoes { output.write((line ?? "") + "\n") }
    return line
  }
}
