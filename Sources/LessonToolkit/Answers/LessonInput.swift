import CNN
import Foundation

/// A type whose values a learner can type at a prompt, for the blanks of fill-in exercises:
/// `16` for an `Int`, `0.5` for a `Double`, `relu` or `.relu` for an `ActivationFunction`.
public protocol LessonInput {
  /// Parses what the learner typed (already trimmed), or returns nil if it is not a value of the type.
  init?(lessonInput text: String)
  /// What to type, for messages: "a whole number", "an activation such as relu".
  static var lessonInputDescription: String { get }
}

extension Int: LessonInput {
  public init?(lessonInput text: String) { self.init(text.replacingOccurrences(of: "_", with: "")) }
  public static var lessonInputDescription: String { "a whole number, such as 16" }
}

extension Double: LessonInput {
  public init?(lessonInput text: String) { self.init(text) }
  public static var lessonInputDescription: String { "a number, such as 0.5" }
}

extension Float: LessonInput {
  public init?(lessonInput text: String) { self.init(text) }
  public static var lessonInputDescription: String { "a number, such as 0.5" }
}

extension Bool: LessonInput {
  public init?(lessonInput text: String) {
    switch text.lowercased() {
    case "true", "yes": self = true
    case "false", "no": self = false
    default: return nil
    }
  }
  public static var lessonInputDescription: String { "true or false" }
}

extension String: LessonInput {
  public init?(lessonInput text: String) {
    // Quotes are optional: "relu" and relu are the same text.
    let quoted = text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"")
    self = quoted ? String(text.dropFirst().dropLast()) : text
  }
  public static var lessonInputDescription: String { "some text" }
}

/// Case names, typed with or without the leading dot, in any case: `relu`, `.relu`, `ReLU`, `leakyRelu`.
extension LessonInput where Self: RawRepresentable & CaseIterable, RawValue == String {
  /// Parses a case by its Swift name or its raw value.
  public static func parseCase(_ text: String) -> Self? {
    let name = (text.hasPrefix(".") ? String(text.dropFirst()) : text).lowercased()
    // Case is ignored: `ReLU` and `relu` name the same activation.
    return allCases.first { "\($0)".lowercased() == name || $0.rawValue.lowercased() == name }
  }
}

extension ActivationFunction: LessonInput {
  public init?(lessonInput text: String) {
    guard let value = Self.parseCase(text) else { return nil }
    self = value
  }
  public static var lessonInputDescription: String {
    "an activation: " + allCases.map { "\($0)" }.joined(separator: ", ")
  }
}

extension Padding: LessonInput {
  public init?(lessonInput text: String) {
    guard let value = Self.parseCase(text) else { return nil }
    self = value
  }
  public static var lessonInputDescription: String { "a padding: valid or same" }
}

extension ColorMode: LessonInput {
  public init?(lessonInput text: String) {
    guard let value = Self.parseCase(text) else { return nil }
    self = value
  }
  public static var lessonInputDescription: String { "a colour mode: grayscale, rgb or rgba" }
}

extension Size2D: LessonInput {
  /// Parses `3` (a square), or a height and width: `3,5`, `[3, 5]`.
  public init?(lessonInput text: String) {
    let numbers = text.split(whereSeparator: { ",[] ".contains($0) }).map { Int($0) }
    switch numbers.count {
    case 1:
      guard let side = numbers[0], side > 0 else { return nil }
      self.init(side)
    case 2:
      guard let height = numbers[0], let width = numbers[1], height > 0, width > 0 else { return nil }
      self.init(height: height, width: width)
    default: return nil
    }
  }
  public static var lessonInputDescription: String { "a size: one number such as 3, or two such as [3, 5]" }
}
