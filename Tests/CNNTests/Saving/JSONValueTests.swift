import Testing

@testable import CNN

@Suite struct JSONValueTests {
  @Test func literalsBuildTheMatchingCases() {
    let config: JSONValue = [
      "name": "conv2d", "filters": 16, "rate": 0.5, "kernel_size": [3, 3], "use_bias": true,
      "bias_regularizer": nil,
    ]
    let expected = JSONObject([
      "name": .string("conv2d"), "filters": .integer(16), "rate": .number(0.5),
      "kernel_size": .array([.integer(3), .integer(3)]), "use_bias": .bool(true),
      "bias_regularizer": .null,
    ])
    #expect(config == .object(expected))
  }

  @Test func integerAndFloatLiteralsStayDistinct() {
    let integer: JSONValue = 16
    let float: JSONValue = 16.0
    #expect(integer == .integer(16))
    #expect(float == .number(16))
    #expect(integer != float)
  }

  @Test func dictionaryLiteralKeepsTheWrittenKeyOrder() {
    let value: JSONValue = ["z": 1, "a": 2, "m": 3]
    #expect(value.objectValue?.keys == ["z", "a", "m"])
  }

  @Test func typedAccessorsReturnTheContentsOfTheMatchingCase() {
    #expect(JSONValue.string("relu").stringValue == "relu")
    #expect(JSONValue.bool(false).boolValue == false)
    #expect(JSONValue.integer(-3).intValue == -3)
    #expect(JSONValue.number(0.25).doubleValue == 0.25)
    #expect(JSONValue.array([1, "a"]).arrayValue == [.integer(1), .string("a")])
    #expect(JSONValue.object(["a": 1]).objectValue == ["a": 1])
    #expect(JSONValue.null.isNull)
  }

  @Test func typedAccessorsReturnNilOnATypeMismatch() {
    let string: JSONValue = "16"
    #expect(string.intValue == nil)
    #expect(string.doubleValue == nil)
    #expect(string.boolValue == nil)
    #expect(string.arrayValue == nil)
    #expect(string.objectValue == nil)
    #expect(!string.isNull)
    #expect(JSONValue.integer(1).stringValue == nil)
    #expect(JSONValue.integer(1).boolValue == nil)
    #expect(JSONValue.bool(true).intValue == nil)
    #expect(JSONValue.null.stringValue == nil)
  }

  @Test func intValueAcceptsOnlyFloatsWithAnExactIntegerValue() {
    #expect(JSONValue.number(16.0).intValue == 16)
    #expect(JSONValue.number(-0.0).intValue == 0)
    #expect(JSONValue.number(16.5).intValue == nil)
    #expect(JSONValue.number(1e300).intValue == nil)
    #expect(JSONValue.number(.nan).intValue == nil)
    #expect(JSONValue.number(.infinity).intValue == nil)
  }

  @Test func doubleValueConvertsIntegers() {
    #expect(JSONValue.integer(16).doubleValue == 16.0)
  }

  @Test func subscriptReadsObjectMembersAndNothingElse() {
    let config: JSONValue = ["config": ["filters": 16]]
    #expect(config["config"]?["filters"] == .integer(16))
    #expect(config["missing"] == nil)
    #expect(config["config"]?["filters"]?["deeper"] == nil)
    #expect(JSONValue.array([1])["config"] == nil)
  }
}
