import LessonEngine

/// A small lesson that uses every kind of block and exercise, for the engine's tests.
public enum TestLesson {
  /// Its episodes, compiled from the Markdown files beside this one by the LessonCodegen plugin.
  public static var episodes: [any GeneratedEpisode.Type] { generatedEpisodes }
}
