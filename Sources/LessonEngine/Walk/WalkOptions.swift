/// How an episode is walked.
public struct WalkOptions: Equatable, Sendable {
  /// Whether to wait for the learner before each step (`--no-pause` turns it off).
  public var pauses: Bool
  /// The first step (from 1) to show and wait at; earlier steps run quietly (`--from`).
  public var firstStep: Int
  /// Whether exercises ask for answers; `lesson verify` answers them itself.
  public var asksExercises: Bool
  /// Whether questions and fill-ins are shown with their answers and explanations, and the walk
  /// goes on, instead of asking: `--no-pause` when nobody can type (input from a pipe, a file or
  /// `/dev/null`).
  public var showsAnswers: Bool

  /// Creates options; by default every step pauses, from the first, and exercises ask.
  public init(pauses: Bool = true, firstStep: Int = 1, asksExercises: Bool = true, showsAnswers: Bool = false) {
    self.pauses = pauses
    self.firstStep = firstStep
    self.asksExercises = asksExercises
    self.showsAnswers = showsAnswers
  }

  /// The options of `lesson start N [--no-pause] [--from STEP]` reading from `input`: without
  /// pauses, questions are still asked where someone types at a terminal, and shown with their
  /// answers where the input is not a terminal (it echoes).
  public static func start(pauses: Bool, firstStep: Int, input: LineInput) -> WalkOptions {
    WalkOptions(pauses: pauses, firstStep: firstStep, showsAnswers: !pauses && input.echoes)
  }
}

/// Why a walk stopped before the end of its episode.
public enum WalkStop: Error, Equatable {
  /// The learner pressed `q`.
  case quit(step: Int)
  /// The input ended (a pipe or script ran out of lines).
  case inputEnded(step: Int)
}
