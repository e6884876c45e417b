import CNN

/// The checked values of one command line, by argument placeholder or option name: what the command
/// table's `build` functions turn into a `LessonCommand`.
struct ParsedArguments {
  private var values: [String: [ParsedValue]] = [:]

  /// Records `value` for the argument or option `key`.
  mutating func append(_ value: ParsedValue, to key: String) { values[key, default: []].append(value) }

  /// Records that the flag `name` was given.
  mutating func setFlag(_ name: String) { values[name, default: []].append(.text(name)) }

  /// Whether the flag or option `name` was given.
  func isSet(_ name: String) -> Bool { values[name] != nil }

  /// The numbers given for `key`, in order.
  func numbers(_ key: String) -> [Int] {
    values[key, default: []].compactMap { if case .number(let number) = $0 { number } else { nil } }
  }

  /// The first number given for `key`.
  func number(_ key: String) -> Int? { numbers(key).first }

  /// The words given for `key`, in order.
  func texts(_ key: String) -> [String] {
    values[key, default: []].compactMap { if case .text(let text) = $0 { text } else { nil } }
  }

  /// The first word given for `key`.
  func text(_ key: String) -> String? { texts(key).first }

  /// The reference model given for `key`.
  func model(_ key: String) -> ReferenceModel? {
    values[key, default: []].lazy.compactMap { if case .model(let model) = $0 { model } else { nil } }.first
  }

  /// The number of the argument `key`, which its command requires.
  func requiredNumber(_ key: String) -> Int { required(number(key), key) }

  /// The word given for the argument `key`, which its command requires.
  func requiredText(_ key: String) -> String { required(text(key), key) }

  /// `value`, which the reader has checked is there: a missing one is a mistake in the command
  /// table (a `build` reading an argument its command does not require), not in what was typed.
  private func required<Value>(_ value: Value?, _ key: String) -> Value {
    guard let value else {
      preconditionFailure("The command table reads '\(key)', which its command does not require.")
    }
    return value
  }
}
