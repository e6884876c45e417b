import Testing

@testable import CNN

@Suite struct JSONObjectTests {
  @Test func keyValuePairsKeepTheirOrder() {
    let object = JSONObject(["name": "dense", "units": 10, "activation": "softmax"])
    #expect(object.keys == ["name", "units", "activation"])
    #expect(object.count == 3)
    #expect(object["units"] == .integer(10))
  }

  @Test func emptyObjectHasNoKeys() {
    let object = JSONObject()
    #expect(object.keys.isEmpty)
    #expect(object.count == 0)
    #expect(object["a"] == nil)
  }

  @Test func settingAnExistingKeyReplacesItsValueInPlace() {
    var object: JSONObject = ["a": 1, "b": 2, "c": 3]
    object["b"] = "two"
    #expect(object.keys == ["a", "b", "c"])
    #expect(object["b"] == .string("two"))
  }

  @Test func settingANewKeyAppendsIt() {
    var object: JSONObject = ["b": 1]
    object["a"] = 2
    #expect(object.keys == ["b", "a"])
  }

  @Test func settingNilRemovesTheKeyAndKeepsTheOthersInOrder() {
    var object: JSONObject = ["a": 1, "b": 2, "c": 3, "d": 4]
    object["b"] = nil
    #expect(object.keys == ["a", "c", "d"])
    #expect(object["b"] == nil)
    #expect(object["c"] == .integer(3))
    #expect(object["d"] == .integer(4))
    object["b"] = 5
    #expect(object.keys == ["a", "c", "d", "b"])
    object["missing"] = nil
    #expect(object.count == 4)
  }

  @Test func repeatedLiteralKeyKeepsItsFirstPositionAndLastValue() {
    let object: JSONObject = ["a": 1, "b": 2, "a": 3]
    #expect(object.keys == ["a", "b"])
    #expect(object["a"] == .integer(3))
  }

  @Test func iterationYieldsPairsInOrder() {
    let object: JSONObject = ["z": 1, "a": "x", "m": nil]
    let pairs = object.map { "\($0.key)=\($0.value.serialized())" }
    #expect(pairs == ["z=1", "a=\"x\"", "m=null"])
  }

  @Test func equalityDependsOnKeyOrder() {
    let ab: JSONObject = ["a": 1, "b": 2]
    let ba: JSONObject = ["b": 2, "a": 1]
    #expect(ab != ba)
    #expect(ab == JSONObject(["a": 1, "b": 2]))
  }
}
