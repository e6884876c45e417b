import LessonEngine

/// The episodes of the lesson in `Lessons/`, compiled from their Markdown by the LessonCodegen
/// build plugin.
public enum LessonContent {
  /// Every episode, in order.
  public static var episodes: [any GeneratedEpisode.Type] { generatedEpisodes }
}
