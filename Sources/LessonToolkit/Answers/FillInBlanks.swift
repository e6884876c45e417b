import Foundation

/// The values the learner typed for a fill-in exercise's blanks, parsed on demand into the types
/// the generated code asks for. Each blank parsed is also compared with the exercise's answer for
/// it, in its type (`[3, 3]` and `3` are the same `Size2D`), so the runner can ask again only for
/// the blanks that differ.
public final class FillInBlanks {
  /// What was typed, one text per blank.
  public let typed: [String]
  /// The values that solve the exercise, one per blank, as the lesson declares them.
  public let answers: [String]
  /// For each blank parsed so far (from 0), whether its value equals the answer's.
  public private(set) var matchesAnswer: [Int: Bool] = [:]

  /// Creates blanks from typed texts and the exercise's answers.
  public init(typed: [String], answers: [String]) {
    self.typed = typed
    self.answers = answers
  }

  /// Blank `index` (from 0) as a `Value`.
  ///
  /// - Throws: `BlankError` naming the blank and what to type when the text is not such a value.
  public func value<Value: LessonInput>(_ index: Int) throws -> Value {
    guard typed.indices.contains(index) else {
      throw BlankError(blank: index + 1, typed: "", expected: Value.lessonInputDescription)
    }
    let text = typed[index].trimmingCharacters(in: .whitespaces)
    guard let value = Value(lessonInput: text) else {
      throw BlankError(blank: index + 1, typed: text, expected: Value.lessonInputDescription)
    }
    let answer = answers.indices.contains(index) ? Value(lessonInput: answers[index]) : nil
    matchesAnswer[index] = answer.map { String(describing: $0) == String(describing: value) } ?? false
    return value
  }
}
