import LessonScript

/// What `lesson present` writes to the instructor's notes, part by part, in Markdown: the
/// episode's instructor notes and plan at the start; at each step, the minutes used against the
/// plan; at each question, fill-in and write-code exercise, the answer, the wrong answers the
/// lesson expects, the hints and the explanation, before the room sees them.
enum PresenterNotes {
  /// The episode's plan and its instructor notes.
  static func start(of script: EpisodeScript) -> String {
    let plan = script.teachingMinutes + script.exerciseMinutes
    var text = "# Episode \(script.number): \(script.title)\n\n"
    text += "Plan: \(plan) min (\(script.teachingMinutes) teaching, \(script.exerciseMinutes) exercises), "
    text += "\(script.steps.count) steps.\n\n"
    let notes = script.sections { $0.kind == .instructor }
    if !notes.isEmpty {
      text += "## Instructor notes\n\n" + notes.map { InstructorNotes.markdown($0.items) }.joined(separator: "\n\n")
    }
    return text
  }

  /// Where an even pace through the episode's `plan` minutes is at the start of step `number`
  /// of `count`.
  static func plannedMinute(atStep number: Int, of count: Int, plan: Int) -> Int {
    count == 0 ? 0 : plan * (number - 1) / count
  }

  /// Step `number` of `count`, with the minutes used against where an even pace through the
  /// episode's `plan` minutes would be at the step's start.
  static func step(_ number: Int, of count: Int, minutesUsed: Int, plan: Int) -> String {
    let planned = plannedMinute(atStep: number, of: count, plan: plan)
    let difference = minutesUsed - planned
    let pace =
      difference == 0 ? "on time" : "\(abs(difference)) min \(difference > 0 ? "behind" : "ahead")"
    return
      "**Step \(number) of \(count)** · \(minutesUsed) of \(plan) min used · the plan is at \(planned) min: \(pace)"
  }

  /// A question's answer, and what the lesson has ready for the room.
  static func question(_ question: Question, answer: String, step: ScriptStep) -> String {
    "**Question \(question.id)**: the answer is \(answer).\n\n" + helps(for: step)
  }

  /// A fill-in's solution, and what the lesson has ready for the room.
  static func fillIn(_ fillIn: FillIn, step: ScriptStep) -> String {
    "**Fill-in \(fillIn.id)**: \(EpisodeSession.blankValues(of: fillIn)).\n\n" + helps(for: step)
  }

  /// A write-code exercise: the commands the room runs, its hints and its explanation.
  static func exercise(_ task: CodeExerciseTask, start: String, check: String) -> String {
    var text = "**Exercise \(task.id)**: learners run `\(start)`, edit the file, then `\(check)`. "
    text += "Start a countdown with `c` (`c 10` for ten minutes).\n\n"
    for (index, hint) in task.hints.enumerated() { text += "- Hint \(index + 1): \(hint)\n" }
    if let explanation = task.explanation { text += "\nSolution: \(explanation)" }
    return text
  }

  /// The end of the episode: the minutes used against the plan.
  static func end(of script: EpisodeScript, minutesUsed: Int) -> String {
    "**Episode \(script.number) done** in \(minutesUsed) min; the plan was "
      + "\(script.teachingMinutes + script.exerciseMinutes) min."
  }

  /// The wrong answers the step expects, with their feedback, then its hints and explanation.
  private static func helps(for step: ScriptStep) -> String {
    var text = ""
    for wrong in step.wrongAnswers {
      let blank = wrong.blank.map { " for blank \($0)" } ?? ""
      text += "- Wrong answer \"\(wrong.pattern.text)\"\(blank): \(wrong.feedback)\n"
    }
    for (index, hint) in step.hints.enumerated() { text += "- Hint \(index + 1): \(hint)\n" }
    if let explanation = step.explanation { text += "\nWhy: \(explanation)" }
    return text
  }
}
