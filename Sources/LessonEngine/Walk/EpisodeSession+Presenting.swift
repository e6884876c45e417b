import LessonScript
import LessonToolkit
import TerminalUI

/// `lesson present N`: the episode on the projector, walked on keys alone. Each step is a screen
/// under a header (the episode, the step, the minutes used against the plan, or a countdown):
/// what leads to the step, its code, then its output once the presenter runs it. A question is
/// shown to the room and its answer revealed on a key; a fill-in shows its blanks, then its
/// solution, run with its checks. The instructor's notes for each part go to the presenter's
/// notes output, never to the projected screen.
///
/// Keys (then Enter, so that a pipe or a script can drive it too): Enter goes on; `b` shows the
/// step before again, with what it printed; `c` starts a countdown of
/// `Presenter.defaultCountdownMinutes` minutes, `c 10` one of ten; `x` stops it; `q` stops the
/// episode.
extension EpisodeSession {
  /// The projected screen's header line.
  var presentationHeader: String {
    guard let presenter else { return "" }
    return presenter.header(
      for: script, step: presentedStep.map { $0 + 1 }, of: stepCount, width: screen.capabilities.width,
      usesUnicode: screen.capabilities.usesUnicode)
  }

  /// Shows step `step` (from 0) on a new screen and runs it on the presenter's key.
  func presentStep(_ step: Int) throws {
    startPart(at: step)
    try show(upToStep: step)
    showCodeTogether(step: step, label: "Step")
    try waitForPresenter(to: "run", step: step)
  }

  /// Shows `question` to the room; on a key, its answer and explanation.
  func present(_ question: Question, answer: LessonAnswer, step: Int) throws {
    startPart(at: step)
    presenter?.note(
      PresenterNotes.question(question, answer: Self.spelledOut(answer, for: question), step: steps[step]))
    try show(upToStep: step)
    try waitForPresenter(to: "show the answer", step: step)
    showAnswer(answer, to: question, step: step)
    try waitForPresenter(to: "go on", step: step)
  }

  /// Shows `fillIn`'s code with its blanks; on a key, its solution, run with its checks.
  func present(_ fillIn: FillIn, step: Int, _ body: (FillInBlanks) throws -> Void) throws {
    startPart(at: step)
    presenter?.note(PresenterNotes.fillIn(fillIn, step: steps[step]))
    try show(upToStep: step)
    showCodeTogether(step: step, label: "Exercise \(fillIn.id), step")
    try waitForPresenter(to: "show the solution", step: step)
    showSolved(fillIn, step: step, body)
    try waitForPresenter(to: "go on", step: step)
  }

  /// Starts the last screen, with what follows the last step, and notes the time the episode took.
  func presentEnd() {
    presentedStep = nil
    slides?.newScreen()
    if let presenter { presenter.note(PresenterNotes.end(of: script, minutesUsed: presenter.minutesUsed)) }
  }

  /// When presenting, waits at a write-code exercise whose task and commands the room sees, for
  /// the time the instructor gives it (a countdown, `c 10`); what follows starts a new screen.
  func pauseForExercise() throws {
    guard let slides else { return }
    try waitForPresenter(to: "go on", step: presentedStep ?? 0)
    slides.newScreen()
  }

  /// Writes the notes of write-code exercise `id`, whose task the room is about to see.
  func noteExercise(_ id: String) {
    guard let presenter, let task = script.codeExercises.first(where: { $0.id == id }) else { return }
    presenter.note(
      PresenterNotes.exercise(
        task, start: LaunchCommand.command("exercise \(id)"), check: LaunchCommand.command("check \(id)")))
  }

  /// Waits for the presenter's key to `action` (Enter); starts and stops countdowns on the way.
  ///
  /// - Throws: `WalkStop` when the presenter types `q` or the input ends.
  func waitForPresenter(to action: String, step: Int) throws {
    guard let presenter, let slides else { return }
    while true {
      let prompt = "[Enter] \(action) · b back · c countdown · q quit ›"
      let fits = TextLayout.visibleWidth(prompt) + Screen.answerRoom <= screen.capabilities.width
      guard let key = slides.readKey(after: fits ? prompt : "[Enter] \(action) ›") else {
        throw WalkStop.inputEnded(step: step + 1)
      }
      let words = key.lowercased().split(separator: " ")
      switch words.first {
      case nil:
        return
      case "q", "quit":
        throw WalkStop.quit(step: step + 1)
      case "c", "countdown":
        let minutes = words.count > 1 ? Int(words[1]) : Presenter.defaultCountdownMinutes
        guard let minutes, (1...Presenter.longestCountdownMinutes).contains(minutes) else {
          screen.paragraph("A countdown is 1 to \(Presenter.longestCountdownMinutes) minutes: c 10, say.")
          continue
        }
        presenter.startCountdown(minutes: minutes)
        presenter.note("Countdown: \(minutes) min, started at \(presenter.minutesUsed) min.")
        screen.line("Countdown: \(minutes) min (x stops it).")
      case "x":
        presenter.stopCountdown()
        screen.line("Countdown stopped.")
      case "b", "back":
        showPrevious(before: step)
      default:
        screen.paragraph(
          "Type Enter to \(action), b to go back a step, c [minutes] for a countdown, x to stop it, or q.")
      }
    }
  }

  /// Shows the step's code under its label, on the next page if it would be cut in two here.
  private func showCodeTogether(step: Int, label: String) {
    // The code, the blank line and the label above it, and the prompt under it.
    let rows = highlightedSwift(steps[step].code, for: screen.capabilities, indentedBy: 2).count + 3
    slides?.keepTogether(rows: rows)
    screen.code(steps[step].code, step: step + 1, of: stepCount, label: label)
  }

  /// Starts the screen of step `step` and its notes.
  private func startPart(at step: Int) {
    guard let presenter else { return }
    presentedStep = step
    slides?.newScreen()
    presenter.note(
      PresenterNotes.step(
        step + 1, of: stepCount, minutesUsed: presenter.minutesUsed,
        plan: script.teachingMinutes + script.exerciseMinutes))
  }
}
