/// A wrong answer a challenge expects (`::: wrong answer=9`), and what it probably means.
public struct WrongAnswer: Equatable, Sendable {
  /// The answers it stands for.
  public let pattern: AnswerPattern
  /// For a fill-in, the blank it is about (from 1); nil for a question.
  public let blank: Int?
  /// What that answer probably means and where to look, in Markdown; never the right answer.
  public let feedback: String

  /// Creates a wrong answer.
  public init(pattern: AnswerPattern, blank: Int? = nil, feedback: String) {
    self.pattern = pattern
    self.blank = blank
    self.feedback = feedback
  }
}

/// The answers a `wrong` div stands for: one value, or a range of numbers.
public enum AnswerPattern: Equatable, Sendable {
  /// This value: a number, a choice's letter or text, a blank's value, compared as answers are.
  case value(String)
  /// Numbers below this one (`<10`).
  case below(Double)
  /// Numbers up to this one (`<=10`).
  case atMost(Double)
  /// Numbers above this one (`>10`).
  case above(Double)
  /// Numbers from this one (`>=10`).
  case atLeast(Double)
  /// Numbers from the first to the second, both included (`100..200`).
  case between(Double, Double)

  /// Reads a pattern as the format writes it: `9`, `b`, `"<10"`, `">=1000"`, `"100..200"`.
  /// Text that is none of the comparisons is a value.
  public init(_ text: String) {
    let trimmed = text.trimmingSpaces
    func number(after prefix: String) -> Double? {
      trimmed.hasPrefix(prefix) ? Double(trimmed.dropFirst(prefix.count).trimmingSpaces) : nil
    }
    if let limit = number(after: "<=") {
      self = .atMost(limit)
    } else if let limit = number(after: ">=") {
      self = .atLeast(limit)
    } else if let limit = number(after: "<") {
      self = .below(limit)
    } else if let limit = number(after: ">") {
      self = .above(limit)
    } else if let range = trimmed.firstRange(of: ".."), let low = Double(trimmed[..<range.lowerBound].trimmingSpaces),
      let high = Double(trimmed[range.upperBound...].trimmingSpaces), low <= high
    {
      self = .between(low, high)
    } else {
      self = .value(trimmed)
    }
  }

  /// Whether the number `number` falls in this pattern (a `value` pattern: when it is that number).
  public func contains(_ number: Double) -> Bool {
    switch self {
    case .value(let text): return Double(text) == number
    case .below(let limit): return number < limit
    case .atMost(let limit): return number <= limit
    case .above(let limit): return number > limit
    case .atLeast(let limit): return number >= limit
    case .between(let low, let high): return low <= number && number <= high
    }
  }

  /// The pattern as the format writes it.
  public var text: String {
    switch self {
    case .value(let text): return text
    case .below(let limit): return "<\(limit.formattedForPattern)"
    case .atMost(let limit): return "<=\(limit.formattedForPattern)"
    case .above(let limit): return ">\(limit.formattedForPattern)"
    case .atLeast(let limit): return ">=\(limit.formattedForPattern)"
    case .between(let low, let high): return "\(low.formattedForPattern)..\(high.formattedForPattern)"
    }
  }
}

extension StringProtocol {
  /// The text without spaces at either end.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

extension Double {
  /// `10` for 10.0, `0.5` for 0.5: as an author would write it.
  fileprivate var formattedForPattern: String {
    rounded() == self && Swift.abs(self) < 1e15 ? String(Int(self)) : String(self)
  }
}
