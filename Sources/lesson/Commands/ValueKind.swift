import CNN
import Foundation

/// What an argument or an option's value takes: a number, a word, one of some names, a model.
enum ValueKind {
  /// A whole number of `minimum` or more; `requirement` says so in words ("an episode number, such as 3").
  case number(atLeast: Int, requirement: String)
  /// Any word: an exercise ID, a path, class names.
  case text
  /// One of a fixed set of names, such as `always`, `never` or `auto`.
  case choice([String])
  /// The name of a reference model: `lesson`, `small` or `bigger`.
  case referenceModel
  /// A model file, or the name of a reference model when the word is no file and looks like no path.
  case modelFileOrName

  /// A whole number of 1 or more, said as `requirement`.
  static func positiveNumber(_ requirement: String = "a positive whole number") -> ValueKind {
    .number(atLeast: 1, requirement: requirement)
  }

  /// The value `text` stands for, or the error that names `name` (an option, or the command for an
  /// argument), quotes `text` as given and says what it must be.
  func value(of text: String, for name: String) throws(UsageError) -> ParsedValue {
    switch self {
    case .number(let minimum, let requirement):
      guard let number = Int(text), number >= minimum else {
        throw .invalidValue(option: name, value: text, requirement: requirement)
      }
      return .number(number)
    case .text:
      return .text(text)
    case .choice(let names):
      guard names.contains(text) else {
        throw .invalidValue(option: name, value: text, requirement: Self.sentence(names))
      }
      return .text(text)
    case .referenceModel:
      return .model(try LessonCommand.referenceModel(named: text))
    case .modelFileOrName:
      // A bare word that is no file must be a reference model's name: check its spelling now.
      if !FileManager.default.fileExists(atPath: text), !text.contains("."), !text.contains("/") {
        _ = try LessonCommand.referenceModel(named: text)
      }
      return .text(text)
    }
  }

  /// What the value must be, for per-command help; nil when the argument's own summary says it.
  var requirement: String? {
    switch self {
    case .number(_, let requirement): return requirement
    case .text, .modelFileOrName: return nil
    case .choice(let names): return Self.sentence(names)
    case .referenceModel: return Self.sentence(ReferenceModel.allCases.map(\.rawValue))
    }
  }

  /// `a, b or c`.
  static func sentence(_ names: [String]) -> String {
    guard let last = names.last, names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " or " + last
  }
}

/// One value read from the command line, once checked.
enum ParsedValue: Equatable {
  case number(Int)
  case text(String)
  case model(ReferenceModel)
}
