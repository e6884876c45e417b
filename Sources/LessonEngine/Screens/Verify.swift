import Foundation
import TerminalUI

/// `lesson verify`, for authors and CI: every episode runs end to end without pauses (its exercises
/// answered with their solutions, which must pass, its questions' accepted forms marked right and
/// declared wrong answers wrong); every exercise has the feedback `FeedbackAudit` asks for; every
/// write-code exercise has its files, its starter fails its checks and its solution passes them.
public struct Verify {
  let lesson: Lesson
  let output: TerminalOutput
  let episodes: Set<Int>?

  /// Creates the verification of `lesson` (of only `episodes` and their exercises, if given),
  /// reporting to `output`.
  public init(lesson: Lesson, episodes: Set<Int>? = nil, output: TerminalOutput = .current) {
    self.lesson = lesson
    self.episodes = episodes
    self.output = output
  }

  /// Runs everything and lists what fails.
  ///
  /// - Returns: whether everything passed.
  /// - Throws: `LessonError.noSuchEpisode` when an episode asked for is not in the lesson, before
  ///   anything runs: verifying nothing must not read as "Everything verifies".
  public func run() throws -> Bool {
    let available = lesson.entries.map(\.script.number)
    if let missing = episodes?.sorted().first(where: { !available.contains($0) }) {
      throw LessonError.noSuchEpisode(missing, available: available)
    }
    let screen = Screen(output: output)
    var failures: [String] = []
    func report(_ passed: Bool, _ what: String) {
      if passed {
        screen.good(what)
      } else {
        screen.bad(what)
        failures.append(what)
      }
    }
    let silent = TerminalOutput(capabilities: output.capabilities) { _ in }
    for entry in lesson.entries where episodes?.contains(entry.script.number) ?? true {
      let session = EpisodeSession(
        script: entry.script, options: WalkOptions(pauses: false, asksExercises: false), input: ScriptedInput([]),
        output: silent, progress: nil)
      do {
        try TerminalOutput.$current.withValue(session.stepOutput) { try entry.code.run(session) }
        report(session.verificationFailures.isEmpty, "episode \(entry.script.number) runs to its end")
        for problem in FeedbackAudit.problems(in: entry.script) {
          report(false, "episode \(entry.script.number): \(problem)")
        }
        for failure in session.verificationFailures { report(false, "episode \(entry.script.number): \(failure)") }
      } catch {
        report(false, "episode \(entry.script.number) stopped: \(error)")
      }
    }
    let commands = ExerciseCommands(lesson: lesson, input: ScriptedInput([]), output: silent)
    for exercise in lesson.codeExercises where episodes?.contains(exercise.episode) ?? true {
      let files = [exercise.starter, exercise.solution, exercise.check]
      let missing = files.filter { !FileManager.default.fileExists(atPath: $0) }
      report(missing.isEmpty, "exercise \(exercise.id) has its starter, solution and checks")
      report(!exercise.hints.isEmpty, "exercise \(exercise.id) has a hint")
      guard missing.isEmpty else { continue }
      let starter = try commands.run(exercise, learnerFile: exercise.starter)
      report(!starter.passed, "exercise \(exercise.id): the starter fails its checks")
      let solution = try commands.run(exercise, learnerFile: exercise.solution)
      report(solution.passed, "exercise \(exercise.id): the solution passes its checks")
      if !solution.passed { screen.lines(CheckReport(solution).lines(for: output.capabilities).map { "    " + $0 }) }
    }
    screen.line()
    if failures.isEmpty {
      screen.good("Everything verifies.")
    } else {
      screen.bad("\(failures.count) problem\(failures.count == 1 ? "" : "s"):")
      for failure in failures { screen.line("  - \(failure)") }
    }
    return failures.isEmpty
  }
}
