import Testing

@testable import CNN

@Suite struct JSONParsingTests {
  @Test func scalarsParseToTheirCases() throws {
    #expect(try JSONValue(parsing: "null") == .null)
    #expect(try JSONValue(parsing: "true") == .bool(true))
    #expect(try JSONValue(parsing: "false") == .bool(false))
    #expect(try JSONValue(parsing: #""conv2d""#) == .string("conv2d"))
    #expect(try JSONValue(parsing: "Infinity") == .number(.infinity))
    #expect(try JSONValue(parsing: "-Infinity") == .number(-.infinity))
    #expect(try JSONValue(parsing: "NaN").doubleValue?.isNaN == true)
  }

  @Test func numbersWithoutFractionOrExponentAreIntegers() throws {
    #expect(try JSONValue(parsing: "16") == .integer(16))
    #expect(try JSONValue(parsing: "-0") == .integer(0))
    #expect(try JSONValue(parsing: "9223372036854775807") == .integer(.max))
    #expect(try JSONValue(parsing: "-9223372036854775808") == .integer(.min))
  }

  @Test func numbersWithFractionOrExponentAreFloats() throws {
    #expect(try JSONValue(parsing: "16.0") == .number(16))
    #expect(try JSONValue(parsing: "1E3") == .number(1000))
    #expect(try JSONValue(parsing: "1e-07") == .number(1e-07))
    #expect(try JSONValue(parsing: "-2.5e+2") == .number(-250))
    #expect(try JSONValue(parsing: "0.001") == .number(0.001))
  }

  /// Decision: an integer too large for `Int` becomes the nearest `Double` (Python keeps an exact
  /// int, which Swift's `Int` cannot hold); it is then written back in float notation.
  @Test func integerBeyondIntBecomesTheNearestDouble() throws {
    let value = try JSONValue(parsing: "123456789012345678901234567890")
    #expect(value == .number(1.2345678901234568e+29))
    #expect(value.serialized() == "1.2345678901234568e+29")
    #expect(try JSONValue(parsing: "9223372036854775808") == .number(9223372036854775808.0))
  }

  /// Decision: as in Python's `json.loads`, a float beyond the range of `Double` becomes an
  /// infinity and one below it becomes zero, instead of an error.
  @Test func floatsBeyondTheRangeOfDoubleBecomeInfinityOrZero() throws {
    // python3 -c 'import json; print(json.dumps(json.loads("[123456789012345678901234567890, 1e999999999999, 1e-999999999999]")))'
    // printed [123456789012345678901234567890, Infinity, 0.0]
    #expect(try JSONValue(parsing: "1e999999999999") == .number(.infinity))
    #expect(try JSONValue(parsing: "-1e999999999999") == .number(-.infinity))
    #expect(try JSONValue(parsing: "1e-999999999999") == .number(0))
    #expect(
      try JSONValue(parsing: "1e99999999999999999999999999999999999999") == .number(.infinity))
  }

  @Test func numbersWithThousandsOfDigitsAreReadCorrectly() throws {
    let manyZeros = String(repeating: "0", count: 5000)
    #expect(try JSONValue(parsing: "1" + manyZeros) == .number(.infinity))
    #expect(try JSONValue(parsing: "1" + manyZeros + "e-5000") == .number(1))
    #expect(try JSONValue(parsing: "0." + manyZeros + "1e5001") == .number(1))
    #expect(try JSONValue(parsing: "0." + manyZeros + "1") == .number(0))
  }

  @Test func whitespaceIsAllowedAroundEveryToken() throws {
    let value = try JSONValue(parsing: " \t\r\n{ \"a\" :\n[ 1 ,\t2 ] , \"b\"\r\n: { } } \n")
    #expect(value == ["a": [1, 2], "b": [:]])
  }

  @Test func escapesAreDecoded() throws {
    let value = try JSONValue(parsing: #""\"\\\/\b\f\n\r\t\u00e9\u00C9\ud83d\ude00\u0000""#)
    #expect(value == .string("\"\\/\u{08}\u{0C}\n\r\t\u{E9}\u{C9}\u{1F600}\u{00}"))
  }

  @Test func unescapedUTF8IsRead() throws {
    #expect(try JSONValue(parsing: "\"caf\u{E9} \u{1F600}\"") == .string("caf\u{E9} \u{1F600}"))
  }

  @Test func keyOrderIsPreservedThroughParsingAndWriting() throws {
    let text = #"{"z": 1, "a": {"y": 2, "b": 3}, "m": [{"k": 4, "c": 5}]}"#
    let value = try JSONValue(parsing: text)
    #expect(value.objectValue?.keys == ["z", "a", "m"])
    #expect(value["a"]?.objectValue?.keys == ["y", "b"])
    #expect(value.serialized() == text)
  }

  /// Decision: a repeated key keeps its first position and takes its last value, as in Python.
  @Test func repeatedKeyKeepsItsFirstPositionAndLastValue() throws {
    let value = try JSONValue(parsing: #"{"a": 1, "b": 2, "a": 3}"#)
    // python3 -c 'import json; print(json.dumps(json.loads("{\"a\": 1, \"b\": 2, \"a\": 3}")))'
    #expect(value.serialized() == #"{"a": 3, "b": 2}"#)
  }

  @Test func bytesParseLikeText() throws {
    let text = #"{"units": 10, "rate": 0.5}"#
    #expect(try JSONValue.parse(Array(text.utf8)) == JSONValue(parsing: text))
  }

  @Test func nestingUpToTheLimitIsAccepted() throws {
    let depth = JSONValue.defaultMaxDepth
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    var value = try JSONValue(parsing: text)
    for _ in 1..<depth {
      value = value.arrayValue?.first ?? .null
    }
    #expect(value == [])
  }

  @Test func configValuesAreReachableThroughAccessors() throws {
    let text = #"{"class_name": "Dense", "config": {"units": 10, "use_bias": true, "rate": 0.5}}"#
    let layer = try JSONValue(parsing: text)
    #expect(layer["class_name"]?.stringValue == "Dense")
    #expect(layer["config"]?["units"]?.intValue == 10)
    #expect(layer["config"]?["use_bias"]?.boolValue == true)
    #expect(layer["config"]?["rate"]?.doubleValue == 0.5)
  }
}
