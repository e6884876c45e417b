import Foundation
import TerminalUI

/// Walks episodes: `lesson start N`, and `lesson` alone, which continues where the learner left off
/// (the first time, a welcome and the episode menu).
public struct LessonRunner {
  let lesson: Lesson
  let input: LineInput
  let output: TerminalOutput

  /// Creates a runner reading the learner's keys from `input` and writing to `output`.
  public init(lesson: Lesson, input: LineInput, output: TerminalOutput = .current) {
    self.lesson = lesson
    self.input = input
    self.output = output
  }

  private var screen: Screen { Screen(output: output) }

  /// Walks episode `number` with `options`; a quit or the end of input keeps the place and returns.
  ///
  /// - Returns: whether the episode ran to its end.
  /// - Throws: `LessonError.noSuchEpisode`, or `LessonError.noSuchStep` when `options.firstStep` is past
  ///   the episode's last step (before anything runs or is recorded); an error from the lesson's code is
  ///   reported, not thrown.
  @discardableResult
  public func start(episode number: Int, options: WalkOptions = WalkOptions()) throws -> Bool {
    try walk(episode: number, options: options, presenter: nil)
  }

  /// Presents episode `number` for a projector, from step `firstStep` (`lesson present N`; see
  /// `EpisodeSession+Presenting.swift`), with the instructor's notes going to `presenter`'s notes
  /// output. Presenting records no progress; a quit or the end of input says how to go on.
  ///
  /// - Returns: whether the episode ran to its end.
  /// - Throws: as `start(episode:options:)`.
  @discardableResult
  public func present(episode number: Int, from firstStep: Int = 1, presenter: Presenter) throws -> Bool {
    try walk(episode: number, options: WalkOptions(firstStep: firstStep), presenter: presenter)
  }

  private func walk(episode number: Int, options: WalkOptions, presenter: Presenter?) throws -> Bool {
    guard let entry = lesson.entry(number) else {
      throw LessonError.noSuchEpisode(number, available: lesson.entries.map(\.script.number))
    }
    let stepCount = entry.script.steps.count
    // Step 1 is where every episode starts, even one with no steps (only prose).
    guard options.firstStep == 1 || options.firstStep <= stepCount else {
      throw LessonError.noSuchStep(
        options.firstStep, episode: number, stepCount: stepCount, command: presenter == nil ? "start" : "present")
    }
    let progress = presenter == nil ? try lesson.progress(reportingTo: output) : nil
    let session = EpisodeSession(
      script: entry.script, options: options, input: input, output: output, progress: progress, presenter: presenter,
      tellClass: progress == nil ? nil : { [lesson] in lesson.classLink?.send($0) })
    if let presenter {
      // The projected screen's header names the episode; the plan goes to the notes.
      // Started part-way through, the clock starts where the plan is at that step.
      let plan = entry.script.teachingMinutes + entry.script.exerciseMinutes
      presenter.startClock(
        atMinute: PresenterNotes.plannedMinute(atStep: options.firstStep, of: stepCount, plan: plan))
      presenter.note(PresenterNotes.start(of: entry.script))
    } else {
      screen.line(screen.styled("Episode \(number): \(entry.script.title)", bold: true))
      screen.line(
        screen.styled(
          "\(entry.script.teachingMinutes) min teaching · \(entry.script.exerciseMinutes) min exercises",
          colour: Palette.axis))
    }
    do {
      try TerminalOutput.$current.withValue(session.stepOutput) { try entry.code.run(session) }
      sayWhatComesNext(after: number, presenting: presenter != nil)
      return true
    } catch let stop as WalkStop {
      let step: Int
      switch stop {
      case .quit(let at): step = at
      case .inputEnded(let at): step = at
      }
      screen.line()
      if presenter != nil {
        screen.paragraph(
          "Stopped at step \(step) of episode \(number). "
            + "`\(LaunchCommand.command("present \(number) --from \(step)"))` goes on from there.")
      } else {
        screen.paragraph(
          "Your place is kept: episode \(number), step \(step). Run `\(LaunchCommand.command())` to carry on from there."
        )
      }
      return false
    } catch {
      screen.line()
      screen.bad("This step stopped with an error: \(error)")
      if presenter != nil {
        let step = (session.presentedStep ?? 0) + 1
        screen.paragraph(
          "Check the code above, then run `\(LaunchCommand.command("present \(number) --from \(step)"))` "
            + "to try the step again.")
      } else {
        screen.paragraph(
          "Your place is kept. Check the code above, then run `\(LaunchCommand.command())` to try the step again.")
      }
      if number > 1 {
        screen.paragraph(
          "If the step needs something an earlier episode makes, such as a saved model, run "
            + "`\(LaunchCommand.command("catch-up \(number)"))` first: it runs episodes 1 to \(number - 1) quietly.")
      }
      return false
    }
  }

  /// After an episode, the command that starts the next one, or where to look after the last.
  private func sayWhatComesNext(after number: Int, presenting: Bool) {
    if let next = lesson.entries.first(where: { $0.script.number > number })?.script {
      let command = "\(presenting ? "present" : "start") \(next.number)"
      screen.paragraph("Next: episode \(next.number), \(next.title): `\(LaunchCommand.command(command))`.")
    } else {
      screen.paragraph(
        "That was the last episode. `\(LaunchCommand.command("list"))` shows every exercise and whether it passes.")
    }
  }

  /// Carries on where the learner left off, or welcomes a new learner with the episode menu.
  public func carryOn() throws {
    let progress = try lesson.progress(reportingTo: output)
    if let current = progress.current, lesson.entry(current.episode) != nil {
      let finished = progress.episodes[current.episode] == .done
      let next =
        finished ? lesson.entries.first { $0.script.number > current.episode }?.script.number : current.episode
      if let next {
        screen.paragraph(
          "Welcome back. Carrying on with episode \(next)" + (finished ? "." : ", step \(current.step)."))
        try start(episode: next, options: WalkOptions(firstStep: finished ? 1 : current.step))
        return
      }
      screen.good("You have finished every episode.")
    } else {
      screen.prose(Self.welcome)
      screen.line()
    }
    try menu()
  }

  /// The episode menu: every episode with its progress; the learner picks one to start.
  public func menu() throws {
    let progress = try lesson.progress(reportingTo: output)
    screen.lines(ListScreen(lesson: lesson, progress: progress).menuLines(for: output.capabilities))
    guard !lesson.entries.isEmpty else { return }
    let suggested = ListScreen.nextEpisode(lesson: lesson, progress: progress)
    screen.prompt(
      "Episode to start\(suggested.map { " (Enter for \($0))" } ?? ""), or q to quit:",
      narrow: "Episode\(suggested.map { " (Enter: \($0))" } ?? ""), q quits:")
    guard let answer = input.readAnswer(echoingTo: screen.output)?.trimmingCharacters(in: .whitespaces),
      answer.lowercased() != "q"
    else { return }
    if answer.isEmpty, let suggested {
      try start(episode: suggested)
    } else if let number = Int(answer) {
      try start(episode: number)
    } else {
      screen.paragraph("Type an episode's number. Run `\(LaunchCommand.command("list"))` to see them.")
    }
  }

  /// What a new learner reads first.
  static var welcome: String {
    """
    # Welcome

    This lesson teaches image classification with convolutional neural networks, in six episodes, with
    real Swift code that runs on your machine. Each step shows you its code; press **Enter** to run it.
    At any step, type `h` for a hint, `b` to see the step before again, or `q` to stop: your place is
    kept, and `\(LaunchCommand.command())` carries on from there.
    """
  }
}
