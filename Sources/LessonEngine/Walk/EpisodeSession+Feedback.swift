import ClassMode
import TerminalUI

/// What questions and fill-ins share: reading an answer (where `q` quits), the choice after a
/// wrong one, the first hint offered after two wrong tries, and the explanation.
extension EpisodeSession {
  /// What the learner chose after a wrong answer.
  enum AfterFailure {
    case retry, solution, next
  }

  /// Reads an answer at `prompt` for step `step` (from 0).
  ///
  /// - Throws: `WalkStop.quit` when the learner types `q` or `quit`, `WalkStop.inputEnded` at the
  ///   end of the input.
  func readAnswer(_ prompt: String, step: Int) throws -> String {
    screen.prompt(prompt)
    guard let line = input.readAnswer(echoingTo: screen.output) else { throw WalkStop.inputEnded(step: step + 1) }
    if ["q", "quit"].contains(line.trimmingCharacters(in: .whitespaces).lowercased()) {
      throw WalkStop.quit(step: step + 1)
    }
    return line
  }

  /// Asks what to do after a wrong answer: try again, a hint, the solution, the next step or quit.
  /// After the second wrong try the first hint is shown without asking, once.
  func askAfterFailure(step: Int, wrongTries: Int, hintsShown: inout Int) throws -> AfterFailure {
    if wrongTries == 2 && hintsShown == 0 && !steps[step].hints.isEmpty {
      screen.line("Two tries: here is a hint.")
      hintsShown = 1
      showHint(step: step, count: 1)
    }
    while true {
      screen.prompt("[Enter] try again · h hint · s solution · n next · q quit ›", narrow: "[Enter] again · h s n q ›")
      guard let choice = input.readAnswer(echoingTo: screen.output)?.trimmingCharacters(in: .whitespaces).lowercased()
      else {
        throw WalkStop.inputEnded(step: step + 1)
      }
      switch choice {
      case "", "r", "retry": return .retry
      case "h", "hint":
        hintsShown += 1
        showHint(step: step, count: hintsShown)
      case "s", "solution": return .solution
      case "n", "next": return .next
      case "q", "quit": throw WalkStop.quit(step: step + 1)
      default: screen.line("Type Enter to try again, or h, s, n or q.")
      }
    }
  }

  /// Shows why the answer is what it is, when the challenge explains it.
  func showExplanation(step: Int) {
    if let explanation = steps[step].explanation { screen.explanation(explanation) }
  }

  /// Ends an exercise the learner did not pass: after `.solution`, `showSolution` shows it and
  /// exercise `id` is recorded as seen; then, as after `.next`, the explanation.
  func conclude(_ choice: AfterFailure, step: Int, id: String, showSolution: () -> Void) {
    if choice == .solution {
      showSolution()
      recordProgress(telling: .sawSolution(exercise: id)) { try $0.recordSolutionSeen(id) }
    }
    showExplanation(step: step)
  }
}
