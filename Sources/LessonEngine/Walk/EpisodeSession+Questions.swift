import ClassMode
import LessonScript
import LessonToolkit
import TerminalUI

extension EpisodeSession {
  /// Asks a question whose answer `answer` computes, compares the learner's answer with it, and
  /// gives feedback: what a declared wrong answer means, or a general reply; a right answer, a
  /// shown solution and a skip all show the explanation. The question is the step whose code
  /// starts at `line`.
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
      verify(question, answer: correct, step: step)
      return
    }
    if presenter != nil {
      try present(question, answer: correct, step: step)
      return
    }
    try show(upToStep: step)
    recordProgress(telling: .reachedStep(episode: script.number, step: number, of: stepCount)) {
      try $0.reached(step: number, of: stepCount, episode: script.number)
    }
    guard !options.showsAnswers else {
      showAnswer(correct, to: question, step: step)
      recordProgress(telling: .sawSolution(exercise: question.id)) { try $0.recordSolutionSeen(question.id) }
      return
    }
    var wrongTries = 0
    var hintsShown = 0
    while true {
      let typed = try readAnswer("Your answer:", step: step).trimmingCharacters(in: .whitespaces)
      if let reason = unreadable(typed, question: question) {
        screen.line(reason)
        continue
      }
      if AnswerMarking.isCorrect(typed, answer: correct, question: question) {
        screen.good("Right: \(Self.shown(correct, for: question)).")
        recordProgress(telling: .answered(question: question.id, right: true, given: typed)) {
          try $0.recordExercise(question.id, passed: true)
        }
        showExplanation(step: step)
        return
      }
      wrongTries += 1
      screen.bad("Not quite: \"\(typed)\" is not the answer.")
      screen.prose(feedback(on: typed, correct: correct, question: question, step: step))
      recordProgress(telling: .answered(question: question.id, right: false, given: typed)) {
        try $0.recordExercise(question.id, passed: false)
      }
      let choice = try askAfterFailure(step: step, wrongTries: wrongTries, hintsShown: &hintsShown)
      guard choice != .retry else { continue }
      conclude(choice, step: step, id: question.id) {
        screen.paragraph("The answer is \(Self.shown(correct, for: question)), computed by:")
        screen.lines(highlightedSwift(steps[step].code, for: screen.capabilities, indentedBy: 2))
      }
      return
    }
  }

  /// Shows the answer without asking ("The answer: a) better than guessing."), then the
  /// explanation: for `--no-pause` without a terminal, and for the room in `lesson present`.
  func showAnswer(_ correct: LessonAnswer, to question: Question, step: Int) {
    screen.line()
    screen.paragraph("The answer: \(Self.spelledOut(correct, for: question)).")
    showExplanation(step: step)
  }

  /// The answer with its choice's text where it is a choice: "a) better than guessing".
  static func spelledOut(_ answer: LessonAnswer, for question: Question) -> String {
    guard let index = AnswerMarking.choice(matching: answer.text, in: question.choices) else {
      return shown(answer, for: question)
    }
    return "\(question.choices[index].letter)) \(question.choices[index].text)"
  }

  /// The answer as the learner reads it: a number to the precision the tolerance asks for.
  static func shown(_ answer: LessonAnswer, for question: Question) -> String {
    guard case .number(let tolerance) = question.kind, let value = answer.number else { return answer.text }
    return NumberText.rounded(value, tolerance: tolerance)
  }

  // MARK: - Private helpers

  /// Why `typed` cannot be marked at all (nothing typed, or not a number where one is asked), or
  /// nil when it can. Such an answer is not a wrong try.
  private func unreadable(_ typed: String, question: Question) -> String? {
    if typed.isEmpty { return "Type your answer, or q to stop." }
    guard case .number = question.kind else { return nil }
    let digits = typed.hasSuffix("%") && question.acceptsPercent ? String(typed.dropLast()) : typed
    return AnswerMarking.number(in: digits) == nil ? "Type a number, such as 12 or 0.5." : nil
  }

  /// What a wrong answer is told: the challenge's feedback for it, or a general reply.
  private func feedback(on typed: String, correct: LessonAnswer, question: Question, step: Int) -> String {
    if let declared = AnswerMarking.declaredWrongAnswer(typed, among: steps[step].wrongAnswers, question: question) {
      return declared.feedback
    }
    switch question.kind {
    case .number:
      guard let given = AnswerMarking.number(in: typed), let expected = correct.number else { return "" }
      return AnswerMarking.numberFeedback(given, expected: expected, question: question)
    case .choice:
      return AnswerMarking.choice(matching: typed, in: question.choices) == nil
        ? "Type the letter of a choice: " + question.choices.map(\.letter).joined(separator: ", ") + "."
        : "That is not the right choice."
    case .text:
      return ""
    }
  }

  /// In `lesson verify`: the question's right answer is one of its choices, every form it accepts
  /// is marked right, and every wrong answer it declares is marked wrong.
  private func verify(_ question: Question, answer correct: LessonAnswer, step: Int) {
    guard !options.asksExercises else { return }
    if case .choice = question.kind, AnswerMarking.choice(matching: correct.text, in: question.choices) == nil {
      verificationFailures.append("question \(question.id): the answer \"\(correct.text)\" is none of the choices")
    }
    for form in AcceptedForms.of(correct, question: question)
    where !AnswerMarking.isCorrect(form, answer: correct, question: question) {
      verificationFailures.append("question \(question.id): \"\(form)\" should be accepted and is marked wrong")
    }
    for wrong in steps[step].wrongAnswers where AcceptedForms.wouldAccept(wrong.pattern, correct, question: question) {
      verificationFailures.append(
        "question \(question.id): the wrong answer \"\(wrong.pattern.text)\" is marked right (the answer is \(correct.text))"
      )
    }
  }
}
