import TextEscaping

/// What the dashboard and the report need to know of the lesson: the episodes' titles and lengths,
/// and where each exercise and question is, so that `first-conv` can be shown as
/// "first-conv (episode 3)". The engine makes it from the lesson.
public struct ClassSyllabus: Sendable {
  /// One episode.
  public struct Episode: Sendable {
    /// Its number.
    public var number: Int
    /// Its title.
    public var title: String

    /// Creates an episode.
    public init(number: Int, title: String) {
      self.number = number
      self.title = title
    }
  }

  /// The episodes, in order.
  public var episodes: [Episode]
  /// The episode each exercise and question is in, by id.
  public var episodeOfExercise: [String: Int]

  /// Creates a syllabus.
  public init(episodes: [Episode], episodeOfExercise: [String: Int]) {
    self.episodes = episodes
    self.episodeOfExercise = episodeOfExercise
  }

  /// An exercise or question's id with its episode: "first-conv (episode 3)", or the id alone for
  /// one this lesson does not have (sent by a learner with another version). The id is escaped.
  public func naming(_ exercise: String) -> String {
    let id = exercise.escapedForTerminal()
    guard let episode = episodeOfExercise[exercise] else { return id }
    return "\(id) (episode \(episode))"
  }

  /// Whether a learner has finished every episode.
  public func hasFinished(_ learner: LearnerRecord) -> Bool {
    !episodes.isEmpty && episodes.allSatisfy { learner.episodeFinished[$0.number] != nil }
  }
}
