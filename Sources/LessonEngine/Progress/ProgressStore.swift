import Foundation

/// The learner's progress, kept in a small text file in the workspace that a person can read and
/// edit: where they are, which episodes are done and which exercises pass.
///
///     # Your progress in the lesson. lesson keeps this file up to date; you may edit it.
///     current: episode 2, step 4
///     episode 1: done
///     episode 2: step 4 of 9
///     exercise first-conv: passed
///     exercise build-model: failed, solution seen
public final class ProgressStore {
  /// How far an episode got.
  public enum EpisodeState: Equatable, Sendable {
    /// The learner reached step `step` (from 1) of `total`.
    case atStep(Int, of: Int)
    /// Every step ran.
    case done
  }

  /// What happened to an exercise.
  public struct ExerciseState: Equatable, Sendable {
    /// Whether its checks passed the last time they ran.
    public var passed: Bool
    /// Whether the learner has seen its solution.
    public var solutionSeen: Bool

    /// Creates a state.
    public init(passed: Bool, solutionSeen: Bool = false) {
      self.passed = passed
      self.solutionSeen = solutionSeen
    }
  }

  /// The file's path.
  public let path: String
  /// Each episode's state, by number.
  public private(set) var episodes: [Int: EpisodeState] = [:]
  /// Each exercise's state, by id.
  public private(set) var exercises: [String: ExerciseState] = [:]
  /// Where the learner last was: episode and step (from 1).
  public private(set) var current: (episode: Int, step: Int)?
  /// The write-code exercise the learner last started, which `lesson check` checks by default.
  public var lastExercise: String?

  /// Loads the file at `path`, or starts empty if there is none. Lines it does not understand are
  /// ignored.
  public init(path: String) {
    self.path = path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2 else { continue }
      let words = parts[0].split(separator: " ")
      let value = parts[1]
      if parts[0] == "last exercise" {
        lastExercise = value
      } else if parts[0] == "current" {
        let numbers = value.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if numbers.count == 2 { current = (numbers[0], numbers[1]) }
      } else if words.first == "episode", words.count == 2, let number = Int(words[1]) {
        if value == "done" {
          episodes[number] = .done
        } else {
          let numbers = value.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
          if numbers.count == 2 { episodes[number] = .atStep(numbers[0], of: numbers[1]) }
        }
      } else if words.first == "exercise", words.count == 2 {
        exercises[String(words[1])] = ExerciseState(
          passed: value.hasPrefix("passed"), solutionSeen: value.contains("solution seen"))
      }
    }
  }

  /// Records that the learner reached `step` (from 1) of `total` in `episode`.
  public func reached(step: Int, of total: Int, episode: Int) {
    current = (episode, step)
    if episodes[episode] != .done { episodes[episode] = .atStep(step, of: total) }
  }

  /// Records that every step of `episode` ran.
  public func finished(episode: Int) {
    episodes[episode] = .done
  }

  /// Records the outcome of an exercise's checks.
  public func recordExercise(_ id: String, passed: Bool) {
    var state = exercises[id] ?? ExerciseState(passed: passed)
    // Once passed, an exercise stays passed: trying again later must not lose it.
    state.passed = state.passed || passed
    exercises[id] = state
  }

  /// Records that the learner saw an exercise's solution.
  public func recordSolutionSeen(_ id: String) {
    var state = exercises[id] ?? ExerciseState(passed: false)
    state.solutionSeen = true
    exercises[id] = state
  }

  /// The file's text.
  public var text: String {
    var lines = ["# Your progress in the lesson. lesson keeps this file up to date; you may edit it."]
    if let current { lines.append("current: episode \(current.episode), step \(current.step)") }
    if let lastExercise { lines.append("last exercise: \(lastExercise)") }
    for (number, state) in episodes.sorted(by: { $0.key < $1.key }) {
      switch state {
      case .done: lines.append("episode \(number): done")
      case .atStep(let step, let total): lines.append("episode \(number): step \(step) of \(total)")
      }
    }
    for (id, state) in exercises.sorted(by: { $0.key < $1.key }) {
      lines.append(
        "exercise \(id): " + (state.passed ? "passed" : "failed") + (state.solutionSeen ? ", solution seen" : ""))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes the file, creating its folder; a failure is reported, never fatal to the walk.
  ///
  /// - Throws: the file system's error.
  public func save() throws {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }
}
