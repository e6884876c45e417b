import Foundation
import TerminalUI

/// `lesson catch-up N`: runs episodes 1 to N − 1 straight through, without showing them and with
/// their exercises answered, so that whatever episode N needs (loaded data, a saved model) exists;
/// then episode N is ready to start. For a learner who fell behind and rejoins the class.
public struct CatchUp {
  let lesson: Lesson
  let output: TerminalOutput

  /// Creates the catch-up for `lesson`, reporting to `output`.
  public init(lesson: Lesson, output: TerminalOutput = .current) {
    self.lesson = lesson
    self.output = output
  }

  /// Prepares episode `number`.
  ///
  /// - Returns: whether every earlier episode ran.
  /// - Throws: `LessonError.noSuchEpisode`.
  @discardableResult
  public func prepare(episode number: Int) throws -> Bool {
    guard lesson.entry(number) != nil else {
      throw LessonError.noSuchEpisode(number, available: lesson.entries.map(\.script.number))
    }
    let screen = Screen(output: output)
    let silent = TerminalOutput(capabilities: output.capabilities) { _ in }
    for entry in lesson.entries where entry.script.number < number {
      screen.line("Running episode \(entry.script.number), \(entry.script.title)…")
      let session = EpisodeSession(
        script: entry.script, options: WalkOptions(pauses: false, asksExercises: false), input: ScriptedInput([]),
        output: silent, progress: nil)
      do {
        try TerminalOutput.$current.withValue(session.stepOutput) { try entry.code.run(session) }
      } catch {
        screen.bad("Episode \(entry.script.number) stopped: \(error)")
        return false
      }
    }
    let total = lesson.entry(number).map(\.script.steps.count) ?? 1
    try lesson.progress(reportingTo: output).reached(step: 1, of: total, episode: number)
    screen.good(
      "Episode \(number) is ready: run `\(LaunchCommand.command("start \(number)"))` (or `\(LaunchCommand.command())`)."
    )
    return true
  }
}
