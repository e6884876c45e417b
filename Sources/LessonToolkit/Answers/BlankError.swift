/// A typed blank that is not a value of its type.
public struct BlankError: Error, Equatable, CustomStringConvertible {
  /// The blank's number, from 1.
  public let blank: Int
  /// What was typed.
  public let typed: String
  /// What to type instead.
  public let expected: String

  /// `Blank 2: "three" is not a whole number, such as 16.`
  public var description: String {
    "Blank \(blank): \"\(typed)\" is not \(expected)."
  }
}
