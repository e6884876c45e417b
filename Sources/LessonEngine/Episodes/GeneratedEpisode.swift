import LessonScript
import TerminalUI

/// An episode compiled from its Markdown by the LessonCodegen plugin: its script (everything it
/// shows, asks and runs, as data), and a function that runs its Swift blocks in order, calling the
/// session with each block's line between them.
public protocol GeneratedEpisode {
  /// The episode's script, as the plugin read it from the Markdown.
  static var script: EpisodeScript { get }
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
