import Foundation
import LessonEngine
import TerminalUI

/// What a command line runs against: the output and what it can show, where errors go, where
/// answers are read from, and the learner's workspace. A learner's `lesson` uses the process's
/// own (`standard`); tests run whole command lines in-process against their own.
struct CommandContext {
  /// What the output can show before `--color`, `--width` and `--height` are applied.
  var capabilities: TerminalCapabilities
  /// Writes text to the output, exactly as given.
  var write: @Sendable (String) -> Void
  /// Writes an error message, exactly as given.
  var writeError: (String) -> Void
  /// Where the walk reads answers and keys.
  var input: LineInput
  /// The learner's workspace, or nil for the project's `.lesson` folder.
  var workspace: String?

  /// Standard output, standard error and standard input, and the project's workspace.
  static var standard: CommandContext {
    CommandContext(
      capabilities: .standardOutput, write: TerminalOutput.standard.write,
      writeError: { FileHandle.standardError.write(Data($0.utf8)) }, input: StandardInput(), workspace: nil)
  }
}
