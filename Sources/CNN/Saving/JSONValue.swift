/// A JSON value, as read from or written to a Keras `config.json`.
///
/// Integers and floating-point numbers are separate cases because Python keeps them apart:
/// `json.dumps` writes the int `16` as `16` and the float `16.0` as `16.0`, and a Keras file
/// written from Swift must match, character for character, the one Python writes.
///
/// Values compare like their contents: numbers compare as `Double` does (so `.number(.nan)`
/// differs from itself and `.number(-0.0)` equals `.number(0.0)`), `.integer(1)` differs from
/// `.number(1.0)`, and objects are equal only when their keys come in the same order.
///
/// Literals build values directly, objects keeping the order the keys are written in:
///
/// ```swift
/// let config: JSONValue = [
///   "name": "conv2d", "filters": 16, "kernel_size": [3, 3], "use_bias": true,
///   "bias_regularizer": nil,
/// ]
/// ```
public enum JSONValue: Equatable, Sendable {
  /// JSON `null` (Python's `None`).
  case null
  /// JSON `true` or `false`.
  case bool(Bool)
  /// A number written without a fraction or an exponent, such as `16` (a Python `int`).
  case integer(Int)
  /// A floating-point number, such as `0.001` or `16.0` (a Python `float`).
  case number(Double)
  /// A string.
  case string(String)
  /// An array of values.
  case array([JSONValue])
  /// An object whose keys keep their order.
  case object(JSONObject)
}

// MARK: - Reading the contents

extension JSONValue {
  /// The string, if this is a string.
  public var stringValue: String? {
    guard case .string(let string) = self else { return nil }
    return string
  }

  /// The Boolean, if this is `true` or `false`.
  public var boolValue: Bool? {
    guard case .bool(let bool) = self else { return nil }
    return bool
  }

  /// The integer, if this is an integer or a floating-point number with an exact `Int` value.
  ///
  /// `.number(16.0)` gives `16`; `.number(16.5)`, `.number(1e300)` and `.number(.nan)` give `nil`.
  public var intValue: Int? {
    switch self {
    case .integer(let integer): return integer
    case .number(let number): return Int(exactly: number)
    default: return nil
    }
  }

  /// The number as a `Double`, if this is a floating-point number or an integer.
  ///
  /// An integer beyond 2^53 in magnitude is rounded to the nearest `Double`.
  public var doubleValue: Double? {
    switch self {
    case .number(let number): return number
    case .integer(let integer): return Double(integer)
    default: return nil
    }
  }

  /// The elements, if this is an array.
  public var arrayValue: [JSONValue]? {
    guard case .array(let elements) = self else { return nil }
    return elements
  }

  /// The object, if this is an object.
  public var objectValue: JSONObject? {
    guard case .object(let object) = self else { return nil }
    return object
  }

  /// Whether this is `null`.
  public var isNull: Bool { self == .null }

  /// The value stored under `key`, if this is an object holding that key.
  public subscript(key: String) -> JSONValue? {
    objectValue?[key]
  }
}

// MARK: - Literals

extension JSONValue: ExpressibleByNilLiteral {
  /// Creates `null` from the `nil` literal.
  public init(nilLiteral: ()) {
    self = .null
  }
}

extension JSONValue: ExpressibleByBooleanLiteral {
  /// Creates `true` or `false` from a Boolean literal.
  public init(booleanLiteral value: Bool) {
    self = .bool(value)
  }
}

extension JSONValue: ExpressibleByIntegerLiteral {
  /// Creates an integer from an integer literal, so `16` is written back as `16`.
  public init(integerLiteral value: Int) {
    self = .integer(value)
  }
}

extension JSONValue: ExpressibleByFloatLiteral {
  /// Creates a floating-point number from a float literal, so `16.0` is written back as `16.0`.
  public init(floatLiteral value: Double) {
    self = .number(value)
  }
}

extension JSONValue: ExpressibleByStringLiteral {
  /// Creates a string from a string literal.
  public init(stringLiteral value: String) {
    self = .string(value)
  }
}

extension JSONValue: ExpressibleByArrayLiteral {
  /// Creates an array from an array literal.
  public init(arrayLiteral elements: JSONValue...) {
    self = .array(elements)
  }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
  /// Creates an object from a dictionary literal, keeping the keys in the order they are written.
  ///
  /// A key written twice keeps its first position and takes its last value.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(JSONObject(orderedPairs: elements))
  }
}
