/// How an episode is walked.
public struct WalkOptions: Equatable, Sendable {
  /// Whether to wait for the learner before each step (`--no-pause` turns it off).
  public var pauses: Bool
  /// The first step (from 1) to show and wait at; earlier steps run quietly (`--from`).
  public var firstStep: Int
  /// Whether exercises ask for answers; `lesson verify` answers them itself.
  public var asksExercises: Bool

  /// Creates options; by default every step pauses, from the first, and exercises ask.
  public init(pauses: Bool = true, firstStep: Int = 1, asksExercises: Bool = true) {
    self.pauses = pauses
    self.firstStep = firstStep
    self.asksExercises = asksExercises
  }
}

/// Why a walk stopped before the end of its episode.
public enum WalkStop: Error, Equatable {
  /// The learner pressed `q`.
  case quit(step: Int)
  /// The input ended (a pipe or script ran out of lines).
  case inputEnded(step: Int)
}
