/// What the room knows of one learner, from their events.
public struct LearnerRecord: Equatable, Sendable {
  /// Where a learner is: a step of an episode.
  public struct Place: Equatable, Sendable {
    /// The episode's number.
    public var episode: Int
    /// The step reached, from 1.
    public var step: Int
    /// The episode's number of steps.
    public var stepCount: Int
  }

  /// The exercise a learner is failing now, and since when.
  public struct Failure: Equatable, Sendable {
    /// The exercise or question.
    public var exercise: String
    /// The first failing check, or the wrong answer given.
    public var detail: String?
    /// When it first failed, in seconds since 1970.
    public var since: Double
    /// Whether it is a question or a fill-in of the walk, which the learner has left behind once
    /// they reach another step (a write-code exercise is worked on beside the walk).
    public var isInTheWalk: Bool
  }

  /// One event, with when it arrived.
  public struct Moment: Equatable, Sendable {
    /// When the server received it, in seconds since 1970.
    public var time: Double
    /// What happened.
    public var event: ProgressEvent
  }

  /// The most moments kept for a learner's history: the newest.
  public static let historyLimit = 200

  /// The learner's token.
  public let token: String
  /// The name they chose (as they sent it: escape it before showing it).
  public var name: String
  /// Where they are; nil before their first step.
  public var place: Place?
  /// The exercises and questions passed.
  public var passed: Set<String> = []
  /// Those tried and not (yet) passed.
  public var failed: Set<String> = []
  /// What they are failing now, if anything.
  public var failure: Failure?
  /// When they joined, and when they last made progress (a step, a right answer, a passed check).
  public var joined: Double
  /// When they last made progress.
  public var lastProgress: Double
  /// When each episode's first step arrived, by episode.
  public var episodeStarted: [Int: Double] = [:]
  /// When each episode was finished, by episode.
  public var episodeFinished: [Int: Double] = [:]
  /// Every event taken from them.
  public var eventCount = 0
  /// The number of the last event taken, and how many numbers were skipped (events lost on the
  /// learner's side when their outbox overflowed).
  public var lastNumber = 0
  /// Numbers skipped.
  public var skippedNumbers = 0
  /// The newest moments, oldest first (at most `historyLimit`).
  public var history: [Moment] = []

  /// A learner who joined at `time`.
  public init(token: String, name: String, joined time: Double) {
    self.token = token
    self.name = name
    self.joined = time
    self.lastProgress = time
  }

  /// Whether the learner has failed the same exercise for more than `seconds`, as of `now`.
  public func isStuck(now: Double, after seconds: Double) -> Bool {
    guard let failure else { return false }
    return now - failure.since > seconds
  }
}
