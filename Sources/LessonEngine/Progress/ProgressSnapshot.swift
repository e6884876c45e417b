import Foundation

/// What the progress file says at one moment, and its text: a small file a person can read and
/// edit. Lines it does not understand are ignored (a person may have added a note), but a file
/// none of whose lines it understands is taken as damaged, never as empty.
///
///     # Your progress in the lesson. lesson keeps this file up to date; you may edit it.
///     current: episode 2, step 4
///     episode 1: done
///     episode 2: step 4 of 9
///     exercise first-conv: passed
///     exercise build-model: failed, solution seen
///     hints seen build-model: 2
struct ProgressSnapshot: Equatable {
  /// Where the learner last was.
  struct Place: Equatable {
    /// The episode's number.
    var episode: Int
    /// The step, from 1.
    var step: Int
  }

  var episodes: [Int: ProgressStore.EpisodeState] = [:]
  var exercises: [String: ProgressStore.ExerciseState] = [:]
  var hintsSeen: [String: Int] = [:]
  var current: Place?
  var lastExercise: String?

  /// The snapshot of a new learner: nothing done yet.
  init() {}

  /// Reads the file's bytes.
  ///
  /// - Throws: `ProgressFileError.Damage` when the bytes are not text (not UTF-8, or holding a NUL
  ///   byte, as binary files do), or when they hold lines but none that this format knows.
  init(parsing bytes: [UInt8]) throws(ProgressFileError.Damage) {
    guard !bytes.contains(0), let text = String(bytes: bytes, encoding: .utf8) else { throw .notText }
    var understood = false
    var misunderstood = false
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
      if read(trimmed) { understood = true } else { misunderstood = true }
    }
    if misunderstood && !understood { throw .nothingUnderstood }
  }

  /// The file's text.
  var text: String {
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
    for (id, count) in hintsSeen.sorted(by: { $0.key < $1.key }) { lines.append("hints seen \(id): \(count)") }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Changes

  /// Records that the learner reached `step` (from 1) of `total` in `episode`.
  mutating func reached(step: Int, of total: Int, episode: Int) {
    current = Place(episode: episode, step: step)
    if episodes[episode] != .done { episodes[episode] = .atStep(step, of: total) }
  }

  /// Records that every step of `episode` ran.
  mutating func finished(episode: Int) {
    episodes[episode] = .done
  }

  /// Records the outcome of an exercise's checks.
  mutating func recordExercise(_ id: String, passed: Bool) {
    var state = exercises[id] ?? ProgressStore.ExerciseState(passed: passed)
    // Once passed, an exercise stays passed: trying again later must not lose it.
    state.passed = state.passed || passed
    exercises[id] = state
  }

  /// Records that the learner saw an exercise's solution.
  mutating func recordSolutionSeen(_ id: String) {
    var state = exercises[id] ?? ProgressStore.ExerciseState(passed: false)
    state.solutionSeen = true
    exercises[id] = state
  }

  // MARK: - Private helpers

  /// Takes in one line of the file; returns whether it is a line of this format.
  private mutating func read(_ line: String) -> Bool {
    let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2 else { return false }
    let words = parts[0].split(separator: " ")
    let value = parts[1]
    let numbers = value.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    if parts[0] == "last exercise", !value.isEmpty {
      lastExercise = value
    } else if parts[0] == "current", numbers.count == 2 {
      current = Place(episode: numbers[0], step: numbers[1])
    } else if words.first == "episode", words.count == 2, let number = Int(words[1]) {
      if value == "done" {
        episodes[number] = .done
      } else if numbers.count == 2 {
        episodes[number] = .atStep(numbers[0], of: numbers[1])
      } else {
        return false
      }
    } else if words.count == 3, words[0] == "hints", words[1] == "seen", let count = Int(value) {
      hintsSeen[String(words[2])] = count
    } else if words.first == "exercise", words.count == 2 {
      exercises[String(words[1])] = ProgressStore.ExerciseState(
        passed: value.hasPrefix("passed"), solutionSeen: value.contains("solution seen"))
    } else {
      return false
    }
    return true
  }
}
