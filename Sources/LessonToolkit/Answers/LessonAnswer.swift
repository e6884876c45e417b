/// The answer a question's code computes: kept as text and, when it is a number, as a number, so the
/// learner's answer can be compared either way.
public struct LessonAnswer: Equatable, Sendable {
  /// The answer as text, as `print` would show it.
  public let text: String
  /// The answer as a number, if it is one.
  public let number: Double?

  /// Records any value as an answer.
  public init<Value>(_ value: Value) {
    text = String(describing: value)
    switch value {
    case let number as Int: self.number = Double(number)
    case let number as Double: self.number = number
    case let number as Float: self.number = Double(number)
    default: number = Double(String(describing: value))
    }
  }
}
