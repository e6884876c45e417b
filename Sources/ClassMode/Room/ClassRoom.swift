import Foundation

/// The room as the instructor's dashboard and report see it: every learner's record, and the
/// answers and checks the class gets wrong, built from the events the server hands on.
public struct ClassRoom: Equatable, Sendable {
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
      var learner = learners[token] ?? LearnerRecord(token: token, name: name, joined: time)
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

  /// The question the class has answered wrong most often, with how often, and its most common
  /// wrong answer with how often that was given; nil before any wrong answer.
  public var mostMissedQuestion: (question: String, wrong: Int, answer: String, times: Int)? {
    let totals = wrongAnswers.map { (question: $0.key, wrong: $0.value.values.reduce(0, +), answers: $0.value) }
    guard let worst = totals.max(by: { ($0.wrong, $1.question) < ($1.wrong, $0.question) }),
      let answer = Self.mostCommon(worst.answers)
    else { return nil }
    return (worst.question, worst.wrong, answer.key, answer.value)
  }

  /// How many learners are on each episode (by the episode of their place), by episode.
  public var spread: [Int: Int] {
    learners.values.reduce(into: [:]) { counts, learner in
      if let episode = learner.place?.episode { counts[episode, default: 0] += 1 }
    }
  }

  /// The entry of `counts` with the greatest count (the first in order of text among equals).
  static func mostCommon(_ counts: [String: Int]) -> (key: String, value: Int)? {
    counts.max { ($0.value, $1.key) < ($1.value, $0.key) }
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
        let key = given.trimmingCharacters(in: .whitespaces).lowercased()
        wrongAnswers[question, default: [:]][key, default: 0] += 1
      }
    case .checked(let exercise, let passedChecks, let firstFailure, let given):
      if passedChecks {
        passed(exercise, learner: &learner, at: time)
      } else {
        // A fill-in's checks come with the blanks typed; a write-code exercise's without.
        failed(exercise, detail: firstFailure ?? given, inTheWalk: given != nil, learner: &learner, at: time)
        failedChecks[exercise, default: [:]][firstFailure ?? "(no check named)", default: 0] += 1
      }
    case .sawSolution(let exercise):
      // Seeing the solution ends being stuck on it; it does not count as passed.
      if learner.failure?.exercise == exercise { learner.failure = nil }
    }
  }

  private func passed(_ exercise: String, learner: inout LearnerRecord, at time: Double) {
    learner.passed.insert(exercise)
    learner.failed.remove(exercise)
    if learner.failure?.exercise == exercise { learner.failure = nil }
    learner.lastProgress = time
  }

  private func failed(
    _ exercise: String, detail: String?, inTheWalk: Bool, learner: inout LearnerRecord, at time: Double
  ) {
    if !learner.passed.contains(exercise) { learner.failed.insert(exercise) }
    if learner.failure?.exercise == exercise {
      learner.failure?.detail = detail
    } else {
      learner.failure = LearnerRecord.Failure(exercise: exercise, detail: detail, since: time, isInTheWalk: inTheWalk)
    }
  }
}
