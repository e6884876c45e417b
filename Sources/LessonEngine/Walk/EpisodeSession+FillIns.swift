import CNN
import ClassMode
import LessonScript
import LessonToolkit

extension EpisodeSession {
  /// Runs a fill-in-the-blanks step: shows the code with its gaps, asks a value for each blank (by
  /// its name), runs the code and its checks, and reports every check. After a failure the learner
  /// may try again, typing only the blanks that differ from the answer, ask for a hint, see the
  /// solution or move on; a pass, the solution and a skip show the explanation.
  ///
  /// Every try starts from the same random numbers and layer names, and the steps after it get
  /// the ones they would have had without it, so the numbers do not depend on the tries.
  ///
  /// The step is the one whose code starts at `line`.
  ///
  /// - Throws: `WalkStop` when the learner quits or the input ends.
  public func fillIn(line: Int, _ body: (FillInBlanks) throws -> Void) throws {
    let step = try stepIndex(atLine: line)
    guard case .fillIn(let fillIn, _) = steps[step].kind else {
      throw LessonError.noStepAtLine(line, path: script.path)
    }
    let snapshot = SessionSnapshot.take()
    defer { snapshot.restore() }
    let number = step + 1
    guard number >= options.firstStep, options.asksExercises else {
      // Fast-forwarded (quietly, as the steps around it), or verified: answer with the solution; in
      // verification it must pass.
      let outcome = silenced(if: number < options.firstStep) {
        InProcessChecks.run { try body(FillInBlanks(typed: fillIn.answers, answers: fillIn.answers)) }
      }
      if !outcome.passed { verificationFailures.append("fill-in \(fillIn.id): \(outcome.summary)") }
      for wrong in steps[step].wrongAnswers {
        guard let blank = wrong.blank, fillIn.answers.indices.contains(blank - 1) else { continue }
        let answer = fillIn.answers[blank - 1]
        if AnswerMarking.declaredWrongAnswer(answer, among: [wrong], question: nil, blank: blank) != nil {
          verificationFailures.append(
            "fill-in \(fillIn.id): the wrong answer \"\(wrong.pattern.text)\" for blank \(blank) is its answer")
        }
      }
      return
    }
    if presenter != nil {
      try present(fillIn, step: step) { try body($0) }
      return
    }
    try show(upToStep: step)
    screen.code(steps[step].code, step: number, of: stepCount, label: "Exercise \(fillIn.id), step")
    recordProgress(telling: .reachedStep(episode: script.number, step: number, of: stepCount)) {
      try $0.reached(step: number, of: stepCount, episode: script.number)
    }
    guard !options.showsAnswers else {
      showSolved(fillIn, step: step, body)
      recordProgress(telling: .sawSolution(exercise: fillIn.id)) { try $0.recordSolutionSeen(fillIn.id) }
      return
    }
    var typed = Array(repeating: "", count: fillIn.types.count)
    var asking = Array(typed.indices)
    var wrongTries = 0
    var hintsShown = 0
    while true {
      for index in asking {
        repeat {
          typed[index] = try readAnswer(Self.prompt(forBlank: index, of: fillIn), step: step)
          if typed[index].trimmingCharacters(in: .whitespaces).isEmpty { screen.line("Type a value, or q to stop.") }
        } while typed[index].trimmingCharacters(in: .whitespaces).isEmpty
      }
      snapshot.restore()
      let blanks = FillInBlanks(typed: typed, answers: fillIn.answers)
      let outcome = InProcessChecks.run { try body(blanks) }
      if let blankError = outcome.error as? BlankError {
        // A value of the wrong kind is not a wrong answer: say what to type and ask for that blank.
        screen.bad(
          "\(Self.label(forBlank: blankError.blank - 1, of: fillIn)): \"\(blankError.typed)\" is not \(blankError.expected)."
        )
        asking = [blankError.blank - 1]
        continue
      }
      screen.lines(outcome.lines(for: screen.capabilities))
      let checked = ProgressEvent.checked(
        exercise: fillIn.id, passed: outcome.passed, firstFailure: outcome.firstFailure,
        given: typed.joined(separator: ", "))
      recordProgress(telling: checked) { try $0.recordExercise(fillIn.id, passed: outcome.passed) }
      if outcome.passed {
        showExplanation(step: step)
        return
      }
      wrongTries += 1
      let differing = typed.indices.filter { blanks.matchesAnswer[$0] == false }
      for index in differing {
        if let wrong = AnswerMarking.declaredWrongAnswer(
          typed[index], among: steps[step].wrongAnswers, question: nil, blank: index + 1)
        {
          screen.prose(wrong.feedback)
        }
      }
      let choice = try askAfterFailure(step: step, wrongTries: wrongTries, hintsShown: &hintsShown)
      guard choice != .retry else {
        asking = differing.isEmpty ? Array(typed.indices) : differing
        if !differing.isEmpty && differing.count < typed.count {
          screen.paragraph(
            "The other blanks are right; type " + (differing.count == 1 ? "this one" : "these") + " again.")
        }
        continue
      }
      conclude(choice, step: step, id: fillIn.id) { showSolution(of: fillIn) }
      return
    }
  }

  /// Shows the solution, runs the code with it and shows its checks, then the explanation: for
  /// `--no-pause` without a terminal, and for the room in `lesson present`.
  func showSolved(_ fillIn: FillIn, step: Int, _ body: (FillInBlanks) throws -> Void) {
    screen.line()
    showSolution(of: fillIn)
    let outcome = InProcessChecks.run { try body(FillInBlanks(typed: fillIn.answers, answers: fillIn.answers)) }
    screen.lines(outcome.lines(for: screen.capabilities))
    showExplanation(step: step)
  }

  /// Shows the value of each blank: "The solution: blank 1 (filters) = 16, blank 2 = 3".
  private func showSolution(of fillIn: FillIn) {
    screen.paragraph("The solution: " + Self.blankValues(of: fillIn))
  }

  /// Each blank's answer: "blank 1 (filters) = 16, blank 2 = 3".
  static func blankValues(of fillIn: FillIn) -> String {
    fillIn.answers.indices.map { "\(label(forBlank: $0, of: fillIn).lowercased()) = \(fillIn.answers[$0])" }
      .joined(separator: ", ")
  }

  /// `Blank 2 of 3, kernel size:`.
  static func prompt(forBlank index: Int, of fillIn: FillIn) -> String {
    let name = fillIn.names.indices.contains(index) ? ", \(fillIn.names[index])" : ""
    return "Blank \(index + 1) of \(fillIn.types.count)\(name):"
  }

  /// `Blank 2 (kernel size)`, or `Blank 2` for an unnamed blank.
  static func label(forBlank index: Int, of fillIn: FillIn) -> String {
    fillIn.names.indices.contains(index) ? "Blank \(index + 1) (\(fillIn.names[index]))" : "Blank \(index + 1)"
  }
}
