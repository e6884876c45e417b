import Foundation
import LessonScript
import LessonToolkit

extension EpisodeSession {
  /// Runs a fill-in-the-blanks step: shows the code with its gaps, asks a value for each blank,
  /// runs the code and its checks, and reports every check; on a failure the learner may try
  /// again, ask for a hint, see the solution or move on.
  ///
  /// The step is the one whose code starts at `line`.
  ///
  /// - Throws: `WalkStop` when the learner quits or the input ends.
  public func fillIn(line: Int, _ body: (FillInBlanks) throws -> Void) throws {
    let step = try stepIndex(atLine: line)
    guard case .fillIn(let fillIn, _) = steps[step].kind else {
      throw LessonError.noStepAtLine(line, path: script.path)
    }
    let number = step + 1
    guard number >= options.firstStep, options.asksExercises else {
      // Fast-forwarded, or verified: answer with the solution; in verification it must pass.
      let outcome = InProcessChecks.run { try body(FillInBlanks(fillIn.answers)) }
      if !outcome.passed { verificationFailures.append("fill-in \(fillIn.id): \(outcome.summary)") }
      return
    }
    show(upToStep: step)
    screen.code(steps[step].code, step: number, of: stepCount, label: "Exercise \(fillIn.id), step")
    recordProgress { try $0.reached(step: number, of: stepCount, episode: script.number) }
    var hintsShown = 0
    while true {
      var typed: [String] = []
      for (index, type) in fillIn.types.enumerated() {
        screen.prompt("Blank \(index + 1) of \(fillIn.types.count) (\(type)):")
        guard let line = input.readAnswer(echoingTo: screen.output) else { throw WalkStop.inputEnded(step: number) }
        typed.append(line)
      }
      let outcome = InProcessChecks.run { try body(FillInBlanks(typed)) }
      if let blankError = outcome.error as? BlankError {
        // A value of the wrong kind is not a wrong answer: say what to type and ask again.
        screen.bad(blankError.description)
        continue
      }
      screen.lines(outcome.lines(for: screen.capabilities))
      recordProgress { try $0.recordExercise(fillIn.id, passed: outcome.passed) }
      if outcome.passed { return }
      switch try askAfterFailure(step: step, hintsShown: &hintsShown) {
      case .retry: continue
      case .solution:
        screen.line(
          "The solution: "
            + zip(fillIn.types.indices, fillIn.answers).map { "blank \($0 + 1) = \($1)" }.joined(separator: ", "))
        recordProgress { try $0.recordSolutionSeen(fillIn.id) }
        return
      case .next: return
      }
    }
  }

  /// Asks a question whose answer `answer` computes, compares the learner's answer with it, and
  /// gives feedback; the learner may try again, ask for a hint or see the answer. The question is
  /// the step whose code starts at `line`.
  ///
  /// - Throws: `WalkStop` when the learner quits or the input ends; an error from the answer's
  ///   code as the lesson's own bug.
  public func question(line: Int, _ answer: () throws -> LessonAnswer) throws {
    let step = try stepIndex(atLine: line)
    guard case .question(let question) = steps[step].kind else {
      throw LessonError.noStepAtLine(line, path: script.path)
    }
    let correct = try answer()
    let number = step + 1
    guard number >= options.firstStep, options.asksExercises else {
      if case .choice = question.kind, QuestionMarking.choice(matching: correct.text, in: question.choices) == nil {
        verificationFailures.append("question \(question.id): the answer \"\(correct.text)\" is none of the choices")
      }
      return
    }
    show(upToStep: step)
    recordProgress { try $0.reached(step: number, of: stepCount, episode: script.number) }
    var hintsShown = 0
    while true {
      screen.prompt("Your answer:")
      guard let typed = input.readAnswer(echoingTo: screen.output) else { throw WalkStop.inputEnded(step: number) }
      if QuestionMarking.isCorrect(typed, answer: correct, question: question) {
        screen.good("Right: \(correct.text).")
        recordProgress { try $0.recordExercise(question.id, passed: true) }
        return
      }
      screen.bad("Not quite: \"\(typed.trimmingCharacters(in: .whitespaces))\" is not the answer.")
      recordProgress { try $0.recordExercise(question.id, passed: false) }
      switch try askAfterFailure(step: step, hintsShown: &hintsShown) {
      case .retry: continue
      case .solution:
        screen.line("The answer is \(correct.text), computed by: \(steps[step].code)")
        recordProgress { try $0.recordSolutionSeen(question.id) }
        return
      case .next: return
      }
    }
  }

  /// What the learner chose after a wrong answer.
  enum AfterFailure {
    case retry, solution, next
  }

  private func askAfterFailure(step: Int, hintsShown: inout Int) throws -> AfterFailure {
    while true {
      screen.prompt("[Enter] try again · h hint · s solution · n next · q quit ›")
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
}

/// How a learner's answer to a question is marked.
enum QuestionMarking {
  /// Whether `typed` is the answer: numbers within the tolerance, text ignoring case and spaces,
  /// a choice by its letter or its text.
  static func isCorrect(_ typed: String, answer: LessonAnswer, question: Question) -> Bool {
    let text = typed.trimmingCharacters(in: .whitespaces)
    switch question.kind {
    case .number(let tolerance):
      guard let expected = answer.number, let given = Double(text.replacingOccurrences(of: ",", with: "")) else {
        return false
      }
      return Swift.abs(given - expected) <= tolerance
    case .text:
      return text.lowercased() == answer.text.trimmingCharacters(in: .whitespaces).lowercased()
    case .choice:
      guard let right = choice(matching: answer.text, in: question.choices) else { return false }
      return choice(matching: text, in: question.choices) == right
    }
  }

  /// The index of the choice whose letter (`b`, `b)`) or text matches `text`, ignoring case.
  static func choice(matching text: String, in choices: [Question.Choice]) -> Int? {
    let key = text.trimmingCharacters(in: .whitespaces).lowercased().trimmingCharacters(
      in: CharacterSet(charactersIn: ")."))
    return choices.firstIndex { $0.letter.lowercased() == key || $0.text.lowercased() == key }
  }
}
