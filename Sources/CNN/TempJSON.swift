public enum JSONValue: Equatable, Sendable, ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
  case null, bool(Bool), integer(Int), number(Double), string(String), array([JSONValue]), object(JSONObject)
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral v: Bool) { self = .bool(v) }
  public init(integerLiteral v: Int) { self = .integer(v) }
  public init(floatLiteral v: Double) { self = .number(v) }
  public init(stringLiteral v: String) { self = .string(v) }
  public init(arrayLiteral v: JSONValue...) { self = .array(v) }
  public init(dictionaryLiteral v: (String, JSONValue)...) { var o = JSONObject(); for (k, x) in v { o[k] = x }; self = .object(o) }
}
public struct JSONObject: Equatable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
  var pairs: [(key: String, value: JSONValue)] = []
  public init() {}
  public init(dictionaryLiteral v: (String, JSONValue)...) { for (k, x) in v { self[k] = x } }
  public subscript(key: String) -> JSONValue? {
    get { pairs.first { $0.key == key }?.value }
    set { if let i = pairs.firstIndex(where: { $0.key == key }) { if let n = newValue { pairs[i].value = n } else { pairs.remove(at: i) } } else if let n = newValue { pairs.append((key, n)) } }
  }
  public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { pairs.makeIterator() }
  public static func == (a: JSONObject, b: JSONObject) -> Bool { a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value } }
}
