import Foundation
import LessonScript
import LessonToolkit

/// How a learner's answer to a question is marked, and what a wrong one is told: the feedback the
/// challenge declares for it, or a general reply that gives nothing away.
enum AnswerMarking {
  /// Whether `typed` is the answer: numbers within the tolerance (as a percentage too, where the
  /// question accepts one), text ignoring case and spaces, a choice by its letter or its text.
  static func isCorrect(_ typed: String, answer: LessonAnswer, question: Question) -> Bool {
    let text = typed.trimmingCharacters(in: .whitespaces)
    switch question.kind {
    case .number(let tolerance):
      guard let expected = answer.number else { return false }
      return readings(of: text, question: question, expected: expected).contains {
        Swift.abs($0 - expected) <= tolerance
      }
    case .text:
      return text.lowercased() == answer.text.trimmingCharacters(in: .whitespaces).lowercased()
    case .choice:
      guard let right = choice(matching: answer.text, in: question.choices) else { return false }
      return choice(matching: text, in: question.choices) == right
    }
  }

  /// The number `text` stands for (`1,024`, `0.95`), or nil when it is not a number.
  static func number(in text: String) -> Double? {
    let digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
    return Double(digits).flatMap { $0.isFinite ? $0 : nil }
  }

  /// The index of the choice whose letter (`b`, `b)`) or text matches `text`, ignoring case.
  static func choice(matching text: String, in choices: [Question.Choice]) -> Int? {
    let key = text.trimmingCharacters(in: .whitespaces).lowercased().trimmingCharacters(
      in: CharacterSet(charactersIn: ")."))
    return choices.firstIndex { $0.letter.lowercased() == key || $0.text.lowercased() == key }
  }

  /// The declared wrong answer `typed` is, for a question (`blank` nil) or blank `blank` (from 1).
  static func declaredWrongAnswer(
    _ typed: String, among wrongAnswers: [WrongAnswer], question: Question?, blank: Int? = nil
  ) -> WrongAnswer? {
    let text = typed.trimmingCharacters(in: .whitespaces)
    return wrongAnswers.first { wrong in
      guard wrong.blank == blank else { return false }
      switch wrong.pattern {
      case .value(let value):
        if let question, case .choice = question.kind {
          return choice(matching: text, in: question.choices).map {
            $0 == choice(matching: value, in: question.choices)
          }
            ?? false
        }
        if let typedNumber = number(in: text), let wrongNumber = number(in: value) { return typedNumber == wrongNumber }
        return normalised(text) == normalised(value)
      default:
        return number(in: text).map(wrong.pattern.contains) ?? false
      }
    }
  }

  /// A general reply to a wrong number: too high or too low, and roughly how far only in words
  /// that do not give the answer away.
  static func numberFeedback(_ given: Double, expected: Double, question: Question) -> String {
    if !question.acceptsPercent, expected != 0, case .number(let tolerance) = question.kind,
      Swift.abs(given / 100 - expected) <= Swift.max(tolerance, Swift.abs(expected) * 0.005)
    {
      return "That looks like a percentage: give it as a fraction, such as 0.5 for 50 %."
    }
    let direction = given > expected ? "high" : "low"
    guard expected != 0, given != 0, (given > 0) == (expected > 0) else { return "That is too \(direction)." }
    let ratio = given / expected
    if ratio >= 10 { return "That is far too high: more than ten times the answer." }
    if ratio <= 0.1 { return "That is far too low: less than a tenth of the answer." }
    if Swift.abs(ratio - 1) <= 0.1 { return "Close, but a little too \(direction)." }
    return "That is too \(direction)."
  }

  // MARK: - Private helpers

  /// The numbers `text` may mean: itself, and where the question accepts percentages, a hundredth
  /// of it when it ends with `%` or is over 1 while the answer is a fraction.
  private static func readings(of text: String, question: Question, expected: Double) -> [Double] {
    let isPercent = text.hasSuffix("%")
    guard let value = number(in: isPercent ? String(text.dropLast()) : text) else { return [] }
    guard question.acceptsPercent else { return isPercent ? [] : [value] }
    if isPercent { return [value / 100] }
    return Swift.abs(expected) <= 1 && Swift.abs(value) > 1 ? [value, value / 100] : [value]
  }

  /// Text as answers are compared: no case, no surrounding spaces or quotes, no leading dot.
  private static func normalised(_ text: String) -> String {
    var result = text.trimmingCharacters(in: .whitespaces).lowercased()
    if result.hasPrefix(".") { result.removeFirst() }
    return result.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
  }
}
