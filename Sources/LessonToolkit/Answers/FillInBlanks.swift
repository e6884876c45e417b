import Foundation

/// The values the learner typed for a fill-in exercise's blanks, parsed on demand into the types
/// the generated code asks for.
public struct FillInBlanks {
  /// What was typed, one text per blank.
  public let typed: [String]

  /// Creates blanks from typed texts.
  public init(_ typed: [String]) {
    self.typed = typed
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
    return value
  }
}
