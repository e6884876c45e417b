/// A JSON object whose keys keep the order they were inserted in.
///
/// Keras reads and writes its configurations key by key, so a configuration written from Swift
/// must list its keys in the order Keras uses. Unlike `Dictionary`, this type remembers that order.
///
/// Keys are unique. Setting a key that is already present replaces its value where it stands, as
/// assigning to a key of a Python `dict` does; this is also how the parser treats a key that
/// appears twice in a file: the key stays at its first position and takes its last value.
///
/// Two objects are equal when they hold the same keys, in the same order, with equal values.
public struct JSONObject: Equatable, Sendable {
  /// The keys, in order.
  public private(set) var keys: [String] = []
  /// The values, in the order of `keys`.
  private var values: [JSONValue] = []
  /// The position of each key in `keys`.
  private var positions: [String: Int] = [:]

  /// Creates an empty object.
  public init() {}

  /// Creates an object holding `pairs` in order; a repeated key keeps its first position and takes
  /// its last value.
  public init(_ pairs: KeyValuePairs<String, JSONValue>) {
    self.init(orderedPairs: pairs.map { ($0.key, $0.value) })
  }

  /// Creates an object holding `pairs` in order; a repeated key keeps its first position and takes
  /// its last value.
  init(orderedPairs pairs: [(String, JSONValue)]) {
    for (key, value) in pairs {
      self[key] = value
    }
  }

  /// The number of keys.
  public var count: Int { keys.count }

  /// The value stored under `key`, or `nil` if the object has no such key.
  ///
  /// Setting a value for a key already present replaces its value in place; setting one for a new
  /// key appends the key at the end; setting `nil` removes the key.
  public subscript(key: String) -> JSONValue? {
    get {
      positions[key].map { values[$0] }
    }
    set {
      switch (positions[key], newValue) {
      case (let position?, let value?):
        values[position] = value
      case (nil, let value?):
        positions[key] = keys.count
        keys.append(key)
        values.append(value)
      case (let position?, nil):
        removeKey(at: position)
      case (nil, nil):
        break
      }
    }
  }

  /// Removes the key at `position` and moves the keys after it one place forward.
  private mutating func removeKey(at position: Int) {
    positions[keys[position]] = nil
    keys.remove(at: position)
    values.remove(at: position)
    for (index, key) in keys.enumerated().dropFirst(position) {
      positions[key] = index
    }
  }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
  /// Creates an object from a dictionary literal, keeping the keys in the order they are written.
  ///
  /// A key written twice keeps its first position and takes its last value.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self.init(orderedPairs: elements)
  }
}

extension JSONObject: Sequence {
  /// Iterates over the key–value pairs of an object, in order.
  public struct Iterator: IteratorProtocol {
    private let object: JSONObject
    private var position = 0

    init(_ object: JSONObject) {
      self.object = object
    }

    /// The next key–value pair, or `nil` after the last one.
    public mutating func next() -> (key: String, value: JSONValue)? {
      guard position < object.keys.count else { return nil }
      defer { position += 1 }
      return (object.keys[position], object.values[position])
    }
  }

  /// Returns an iterator over the key–value pairs, in order.
  public func makeIterator() -> Iterator {
    Iterator(self)
  }

  /// The number of key–value pairs.
  public var underestimatedCount: Int { count }
}
