import TerminalUI

/// Where lesson code's `print` goes: the engine's current output, so a step's output can be shown,
/// kept for going back, or silenced when a step is fast-forwarded.
public enum LessonOutput {
  /// Writes `text` and `terminator` to the current output.
  public static func print(_ text: String, terminator: String = "\n") {
    TerminalOutput.current.write(text + terminator)
  }
}
