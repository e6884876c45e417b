import Testing

@testable import CNN

/// Every `python` string below was printed by Python 3.11's `json` module with the command in
/// the comment above it, and pasted here unchanged.
@Suite struct JSONWritingTests {
  /// A value and the text Python's `json.dumps` writes for the same value.
  struct PythonSample: Sendable, CustomTestStringConvertible {
    let name: String
    let value: JSONValue
    let python: String

    var testDescription: String { name }
  }

  static let samples: [PythonSample] = [
    PythonSample(
      name: "Keras layer config",
      value: [
        "module": "keras.layers", "class_name": "Conv2D",
        "config": [
          "name": "conv2d", "trainable": true, "dtype": "float32", "filters": 16,
          "kernel_size": [3, 3], "strides": [1, 1], "padding": "same", "activation": "relu",
          "use_bias": true,
          "kernel_initializer": [
            "module": "keras.initializers", "class_name": "GlorotUniform",
            "config": ["seed": nil], "registered_name": nil,
          ],
          "bias_regularizer": nil, "groups": 1,
        ],
        "registered_name": nil, "build_config": ["input_shape": [nil, 28, 28, 1]],
      ],
      // python3 -c 'import json; print(json.dumps({"module": "keras.layers", "class_name": "Conv2D", "config": {"name": "conv2d", "trainable": True, "dtype": "float32", "filters": 16, "kernel_size": [3, 3], "strides": [1, 1], "padding": "same", "activation": "relu", "use_bias": True, "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {"seed": None}, "registered_name": None}, "bias_regularizer": None, "groups": 1}, "registered_name": None, "build_config": {"input_shape": [None, 28, 28, 1]}}))'
      python: #"""
        {"module": "keras.layers", "class_name": "Conv2D", "config": {"name": "conv2d", "trainable": true, "dtype": "float32", "filters": 16, "kernel_size": [3, 3], "strides": [1, 1], "padding": "same", "activation": "relu", "use_bias": true, "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {"seed": null}, "registered_name": null}, "bias_regularizer": null, "groups": 1}, "registered_name": null, "build_config": {"input_shape": [null, 28, 28, 1]}}
        """#
    ),
    PythonSample(
      name: "Keras optimizer config",
      value: [
        "name": "adam", "learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07,
        "amsgrad": false, "clipnorm": nil, "weight_decay": nil,
      ],
      // python3 -c 'import json; print(json.dumps({"name": "adam", "learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False, "clipnorm": None, "weight_decay": None}))'
      python: #"""
        {"name": "adam", "learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": false, "clipnorm": null, "weight_decay": null}
        """#
    ),
    PythonSample(
      name: "floats",
      value: .array(
        [
          0.001, 1e-07, 0.9, 0.999, 1.0, 1e+16, 123456789.0, Double.leastNonzeroMagnitude,
          1.7976931348623157e+308, -0.0, 0.0, 1e+22, 0.0001, 1e-05, 9999999999999998.0, 0.1 + 0.2,
          -2.5, 16.0, 1e15, 2.2250738585072014e-308,
        ].map(JSONValue.number)),
      // python3 -c 'import json; print(json.dumps([0.001, 1e-07, 0.9, 0.999, 1.0, 1e+16, 123456789.0, 5e-324, 1.7976931348623157e+308, -0.0, 0.0, 1e+22, 0.0001, 1e-05, 9999999999999998.0, 0.1 + 0.2, -2.5, 16.0, 1e15, 2.2250738585072014e-308]))'
      python: """
        [0.001, 1e-07, 0.9, 0.999, 1.0, 1e+16, 123456789.0, 5e-324, 1.7976931348623157e+308, -0.0, 0.0, 1e+22, 0.0001, 1e-05, 9999999999999998.0, 0.30000000000000004, -2.5, 16.0, 1000000000000000.0, 2.2250738585072014e-308]
        """
    ),
    PythonSample(
      name: "integers",
      value: [0, 16, -3, .integer(.max), .integer(.min)],
      // python3 -c 'import json; print(json.dumps([0, 16, -3, 9223372036854775807, -9223372036854775808]))'
      python: "[0, 16, -3, 9223372036854775807, -9223372036854775808]"
    ),
    PythonSample(
      name: "strings",
      value: [
        "say \"hi\"", "back\\slash", "line\nbreak", "tab\there", "cr\rlf", "\u{08}\u{0C}",
        "\u{00}\u{01}\u{1F}\u{7F}", "caf\u{E9}", "\u{1F600}", "/ & <>",
        "\u{2028} \u{FEFF} \u{FFFF}", "",
      ],
      // python3 -c 'import json; print(json.dumps(["say \"hi\"", "back\\slash", "line\nbreak", "tab\there", "cr\rlf", "\b\f", "\x00\x01\x1f\x7f", "caf\u00e9", "\U0001F600", "/ & <>", "\u2028 \ufeff \uffff", ""]))'
      python: #"""
        ["say \"hi\"", "back\\slash", "line\nbreak", "tab\there", "cr\rlf", "\b\f", "\u0000\u0001\u001f\u007f", "caf\u00e9", "\ud83d\ude00", "/ & <>", "\u2028 \ufeff \uffff", ""]
        """#
    ),
    PythonSample(
      name: "non-ASCII key",
      value: ["caf\u{E9} \u{1F600}": "\u{E9}"],
      // python3 -c 'import json; print(json.dumps({"caf\u00e9 \U0001F600": "\u00e9"}))'
      python: #"{"caf\u00e9 \ud83d\ude00": "\u00e9"}"#
    ),
    PythonSample(
      name: "null, Booleans and empty containers",
      value: [nil, true, false, [], [:], [[]], ["a": [:]]],
      // python3 -c 'import json; print(json.dumps([None, True, False, [], {}, [[]], {"a": {}}]))'
      python: #"[null, true, false, [], {}, [[]], {"a": {}}]"#
    ),
    PythonSample(
      name: "key order",
      value: ["z": 1, "a": 2, "m": ["b": 1, "a": 2]],
      // python3 -c 'import json; print(json.dumps({"z": 1, "a": 2, "m": {"b": 1, "a": 2}}))'
      python: #"{"z": 1, "a": 2, "m": {"b": 1, "a": 2}}"#
    ),
  ]

  @Test(arguments: samples)
  func serializationMatchesPython(sample: PythonSample) {
    #expect(sample.value.serialized() == sample.python)
  }

  @Test(arguments: samples)
  func parsingTheSerializationGivesBackTheValue(sample: PythonSample) throws {
    #expect(try JSONValue(parsing: sample.value.serialized()) == sample.value)
  }

  @Test(arguments: samples)
  func pythonOutputIsWrittenBackUnchanged(sample: PythonSample) throws {
    #expect(try JSONValue(parsing: sample.python).serialized() == sample.python)
  }

  @Test func nonFiniteFloatsAreWrittenAsPythonWritesThem() throws {
    let value: JSONValue = [.number(.nan), .number(.infinity), .number(-.infinity)]
    // python3 -c 'import json; print(json.dumps([float("nan"), float("inf"), -float("inf")]))'
    let python = "[NaN, Infinity, -Infinity]"
    #expect(value.serialized() == python)
    let parsed = try JSONValue(parsing: python).arrayValue ?? []
    #expect(parsed.count == 3)
    #expect(parsed.first?.doubleValue?.isNaN == true)
    #expect(parsed.dropFirst() == [.number(.infinity), .number(-.infinity)])
  }

  @Test func negativeZeroKeepsItsSign() throws {
    #expect(JSONValue.number(-0.0).serialized() == "-0.0")
    #expect(try JSONValue(parsing: "-0.0").doubleValue?.sign == .minus)
  }
}
