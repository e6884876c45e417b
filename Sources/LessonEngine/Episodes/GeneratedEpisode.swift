import LessonScript

/// An episode compiled from its Markdown by the LessonCodegen plugin: its script (everything it
/// shows, asks and runs, as data), and a function that runs its Swift blocks in order, calling the
/// session with each block's line between them.
public protocol GeneratedEpisode {
  /// The episode's script, as the plugin read it from the Markdown.
  static var script: EpisodeScript { get }
  /// Runs the episode's steps, in order.
  static func run(_ session: EpisodeSession) throws
}
