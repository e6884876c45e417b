/// Turns checked values into the text a result shows, so that expected and got read alike.
enum ValueDescription {
  /// `value` as `String(describing:)` writes it (`[30, 30, 16]`, `0.25`, `relu`), except that
  /// text is quoted (`"cat"`), so an empty string or trailing space can be seen.
  static func text<Value>(_ value: Value) -> String {
    switch value {
    case let string as String: return String(reflecting: string)
    case let substring as Substring: return String(reflecting: String(substring))
    case let character as Character: return String(reflecting: character)
    default: return String(describing: value)
    }
  }

  /// What a check shows as got when computing the value threw `error`: `an error: <its
  /// description>`, CNN's errors being written for the learner.
  static func thrown(_ error: any Error) -> String {
    "an error: \(error)"
  }

  /// `expected ± tolerance`, as a near-check's expected value reads: `0.5 ± 0.01`.
  static func approximately(_ expected: Double, tolerance: Double) -> String {
    "\(expected) ± \(tolerance)"
  }
}
