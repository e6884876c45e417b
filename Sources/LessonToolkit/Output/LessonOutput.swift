import TerminalUI

/// Where lesson code's `print` goes: the engine's current output, so a step's output can be shown,
/// kept for going back, or silenced when a step is fast-forwarded.
public enum LessonOutput {
  /// Writes `text` and `terminator` to the current output; a whole line wider than the output
  /// is broken at spaces, as `TerminalOutput.writeLine` breaks it.
  public static func print(_ text: String, terminator: String = "\n") {
    let output = TerminalOutput.current
    if terminator == "\n" { output.writeLine(text) } else { output.write(text + terminator) }
  }
}
