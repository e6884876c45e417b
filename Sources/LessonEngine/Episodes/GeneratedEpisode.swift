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
