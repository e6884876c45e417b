import TerminalUI

/// An episode compiled from its Markdown by the LessonCodegen plugin: its text, and a function that
/// runs its Swift blocks in order, calling the session between them.
public protocol GeneratedEpisode {
  /// The Markdown file's path, as the learner knows it: `Lessons/03-build-a-cnn.md`.
  static var path: String { get }
  /// The Markdown text the code was generated from: the same text the runner shows.
  static var source: String { get }
  /// Runs the episode's steps, in order.
  static func run(_ session: EpisodeSession) throws
}

/// Where lesson code's `print` goes: the engine's current output, so a step's output can be shown,
/// kept for going back, or silenced when a step is fast-forwarded.
public enum LessonOutput {
  /// Writes `text` and `terminator` to the current output.
  public static func print(_ text: String, terminator: String = "\n") {
    TerminalOutput.current.write(text + terminator)
  }
}
