/// Something a learner did that the instructor's dashboard shows: the only things that travel
/// from a learner's laptop in class mode. No code, no file, no path, no environment: an answer
/// typed at a question is sent, since the room's most common wrong answer is what the instructor
/// needs to see.
public enum ProgressEvent: Equatable, Sendable {
  /// The learner reached step `step` (from 1) of `of` in episode `episode`.
  case reachedStep(episode: Int, step: Int, of: Int)
  /// The learner ran every step of episode `episode`.
  case finishedEpisode(Int)
  /// The learner answered question `question`, right or wrong, typing `given`.
  case answered(question: String, right: Bool, given: String)
  /// The checks of exercise `exercise` (a fill-in or a write-code exercise) ran: all passed, or
  /// the first that failed is named `firstFailure`. `given` is what a fill-in's blanks held.
  case checked(exercise: String, passed: Bool, firstFailure: String?, given: String?)
  /// The learner asked to see the solution of `exercise`.
  case sawSolution(exercise: String)
}

/// An event with its place in the learner's sequence (from 1), which lets the server keep each
/// learner's events in order, once each, however often they are sent again.
public struct NumberedEvent: Equatable, Sendable {
  /// The event's number: 1 for the learner's first, then one more for each.
  public var number: Int
  /// What happened.
  public var event: ProgressEvent

  /// Creates a numbered event.
  public init(number: Int, event: ProgressEvent) {
    self.number = number
    self.event = event
  }
}
