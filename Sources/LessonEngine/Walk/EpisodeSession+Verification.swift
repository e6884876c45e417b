import LessonChecks
import TerminalUI

extension EpisodeSession {
  /// Runs a `swift verify` block (line `line` of the episode): checks that what the prose says is
  /// what this run did. A failure is one of `lesson verify`'s problems; in a walk, the learner
  /// reads a note that the text describes a typical run and theirs differs.
  public func verifyText(line: Int, _ body: () throws -> Void) throws {
    let outcome = InProcessChecks.run(body)
    guard !outcome.passed else { return }
    var differences = outcome.results.filter { !$0.passed }.map(\.description)
    if let error = outcome.error { differences.append("an error: \(error)") }
    if differences.isEmpty { differences.append("no check ran") }
    verificationFailures.append("line \(line): the text does not match the run: " + differences.joined(separator: "; "))
    guard !quiet && options.asksExercises else { return }
    screen.line(
      screen.styled(
        "Note: the text around here describes a typical run, and yours differs ("
          + differences.joined(separator: "; ") + ").", colour: Palette.axis))
  }
}
