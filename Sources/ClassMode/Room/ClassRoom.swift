import Foundation

/// The room as the instructor's dashboard and report see it: every learner's record, and the
/// answers and checks the class gets wrong, built from the events the server hands on.
///
/// Whatever learners send, what it keeps is bounded: each learner's newest 200 events, at most
/// `exerciseLimit` exercises and questions passed or failed per learner and counted for the
/// class, and at most `answerLimit` different wrong answers or failing checks per exercise (the
/// rest counted together).
public struct ClassRoom: Equatable, Sendable {
  /// The most exercises and questions counted, per learner and for the class.
  public static let exerciseLimit = 500
  /// The most different answers (or checks) counted apart for one exercise.
  public static let answerLimit = 50
  /// What the answers past `answerLimit` are counted as.
  public static let otherAnswers = "(other answers)"

  /// Each learner's record, by token.
  public private(set) var learners: [String: LearnerRecord] = [:]
  /// Wrong answers given to each question, counted by answer (trimmed, in lower case).
  public private(set) var wrongAnswers: [String: [String: Int]] = [:]
  /// Failed checks of each exercise, counted by the first failing check's name.
  public private(set) var failedChecks: [String: [String: Int]] = [:]
  /// Every event taken, in the order taken.
  public private(set) var eventCount = 0

  /// An empty room.
  public init() {}

  /// Takes in what the server handed on at `time` (seconds since 1970); returns whether it is news:
  /// an event, or a hello from a learner not seen before or with a new name (not a learner's
  /// `lesson` connecting again).
  @discardableResult
  public mutating func apply(_ arrival: ClassServer.Arrival, at time: Double) -> Bool {
    switch arrival {
    case .joined(let token, let name):
      let isNews = learners[token]?.name != name
      learners[token, default: LearnerRecord(token: token, name: name, joined: time)].name = name
      return isNews
    case .event(let token, let name, let numbered):
      // Taken out of the dictionary while it changes, so that it is changed in place, not copied.
      var learner = learners.removeValue(forKey: token) ?? LearnerRecord(token: token, name: name, joined: time)
      learner.name = name
      learner.skippedNumbers += max(numbered.number - learner.lastNumber - 1, 0)
      learner.lastNumber = numbered.number
      learner.eventCount += 1
      learner.history.append(LearnerRecord.Moment(time: time, event: numbered.event))
      if learner.history.count > LearnerRecord.historyLimit { learner.history.removeFirst() }
      record(numbered.event, of: &learner, at: time)
      learners[token] = learner
      eventCount += 1
      return true
    }
  }

  /// The question the class has answered wrong most often, with its wrong answers most given
  /// first; nil before any wrong answer.
  public var mostMissedQuestion: Tally? {
    Tally.ranked(wrongAnswers).first
  }

  /// The number of the last event taken from each learner (0 for one who only said hello): what a
  /// server opened again on this room holds.
  public var lastNumbers: [String: Int] { learners.mapValues(\.lastNumber) }

  /// How many learners are on each episode (by the episode of their place), by episode.
  public var spread: [Int: Int] {
    learners.values.reduce(into: [:]) { counts, learner in
      if let episode = learner.place?.episode { counts[episode, default: 0] += 1 }
    }
  }

  // MARK: - Private helpers

  private mutating func record(_ event: ProgressEvent, of learner: inout LearnerRecord, at time: Double) {
    switch event {
    case .reachedStep(let episode, let step, let total):
      if learner.failure?.isInTheWalk == true,
        learner.place != LearnerRecord.Place(episode: episode, step: step, stepCount: total)
      {
        learner.failure = nil
      }
      learner.place = LearnerRecord.Place(episode: episode, step: step, stepCount: total)
      if learner.episodeStarted[episode] == nil { learner.episodeStarted[episode] = time }
      learner.lastProgress = time
    case .finishedEpisode(let episode):
      learner.episodeFinished[episode] = learner.episodeFinished[episode] ?? time
      learner.lastProgress = time
    case .answered(let question, let right, let given):
      if right {
        passed(question, learner: &learner, at: time)
      } else {
        failed(question, detail: given, inTheWalk: true, learner: &learner, at: time)
        Self.count(given.trimmingCharacters(in: .whitespaces).lowercased(), for: question, in: &wrongAnswers)
      }
    case .checked(let exercise, let passedChecks, let firstFailure, let given):
      if passedChecks {
        passed(exercise, learner: &learner, at: time)
      } else {
        // A fill-in's checks come with the blanks typed; a write-code exercise's without.
        failed(exercise, detail: firstFailure ?? given, inTheWalk: given != nil, learner: &learner, at: time)
        Self.count(firstFailure ?? "(no check named)", for: exercise, in: &failedChecks)
      }
    case .sawSolution(let exercise):
      // Seeing the solution ends being stuck on it; it does not count as passed.
      if learner.failure?.exercise == exercise { learner.failure = nil }
    }
  }

  /// Counts `key` once for `exercise` in `table`, within the room's limits.
  private static func count(_ key: String, for exercise: String, in table: inout [String: [String: Int]]) {
    guard table[exercise] != nil || table.count < exerciseLimit else { return }
    let counted = table[exercise, default: [:]]
    let kept = counted[key] != nil || counted.count < answerLimit - 1 ? key : otherAnswers
    table[exercise, default: [:]][kept, default: 0] += 1
  }

  private func passed(_ exercise: String, learner: inout LearnerRecord, at time: Double) {
    if learner.passed.count < Self.exerciseLimit { learner.passed.insert(exercise) }
    learner.failed.remove(exercise)
    if learner.failure?.exercise == exercise { learner.failure = nil }
    learner.lastProgress = time
  }

  private func failed(
    _ exercise: String, detail: String?, inTheWalk: Bool, learner: inout LearnerRecord, at time: Double
  ) {
    if !learner.passed.contains(exercise) && learner.failed.count < Self.exerciseLimit {
      learner.failed.insert(exercise)
    }
    if learner.failure?.exercise == exercise {
      learner.failure?.detail = detail
    } else {
      learner.failure = LearnerRecord.Failure(exercise: exercise, detail: detail, since: time, isInTheWalk: inTheWalk)
    }
  }
}
