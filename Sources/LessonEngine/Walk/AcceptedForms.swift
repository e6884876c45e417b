import LessonScript
import LessonToolkit

/// The forms of a right answer a learner may type, which `lesson verify` makes sure are marked
/// right, and whether a declared wrong answer would be.
enum AcceptedForms {
  /// Every form of `answer` the question promises to accept: the number as shown (and as a
  /// percentage where accepted), a choice's letter and text, text in capitals.
  static func of(_ answer: LessonAnswer, question: Question) -> [String] {
    switch question.kind {
    case .number(let tolerance):
      guard let value = answer.number else { return [] }
      let shown = EpisodeSession.shown(answer, for: question)
      guard question.acceptsPercent else { return [shown] }
      let percent = NumberText.rounded(value * 100, tolerance: tolerance * 100)
      return [shown, percent, percent + " %", percent + "%"]
    case .choice:
      guard let index = AnswerMarking.choice(matching: answer.text, in: question.choices) else { return [] }
      return [
        question.choices[index].letter, question.choices[index].letter.uppercased(), question.choices[index].text,
      ]
    case .text:
      return [answer.text, answer.text.uppercased()]
    }
  }

  /// Whether a wrong answer declared with `pattern` would be marked right.
  static func wouldAccept(_ pattern: AnswerPattern, _ answer: LessonAnswer, question: Question) -> Bool {
    guard case .value(let text) = pattern else { return answer.number.map(pattern.contains) ?? false }
    return AnswerMarking.isCorrect(text, answer: answer, question: question)
  }
}
