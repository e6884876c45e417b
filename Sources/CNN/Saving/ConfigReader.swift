/// A problem found while reading a model's configuration; `load` reports it with the file's name.
struct ConfigProblem: Error, Equatable {
  /// What is wrong, in a sentence that names the layer and the key.
  let detail: String
  /// The Keras class this library does not support, when that is the problem.
  var unsupportedClass: String?
}

/// Reads typed values out of one layer's (or the model's) config, with errors that say which key
/// of which layer is wrong. Keys it is not asked about are ignored, as Keras ignores them.
struct ConfigReader {
  let config: JSONObject
  /// Names the owner in messages: `layer "conv2d" (Conv2D)`.
  let owner: String

  init(_ config: JSONObject, owner: String) {
    self.config = config
    self.owner = owner
  }

  init(_ value: JSONValue?, owner: String) throws(ConfigProblem) {
    guard let object = value?.objectValue else { throw ConfigProblem(detail: "\(owner) has no config object") }
    self.init(object, owner: owner)
  }

  private func problem(_ key: String, _ expected: String) -> ConfigProblem {
    let found = config[key].map { $0.serialized() } ?? "nothing"
    return ConfigProblem(detail: "\(owner): \"\(key)\" should be \(expected), but it is \(found)")
  }

  func string(_ key: String) throws(ConfigProblem) -> String {
    guard let value = config[key]?.stringValue else { throw problem(key, "a string") }
    return value
  }

  func int(_ key: String, atLeast minimum: Int = 1) throws(ConfigProblem) -> Int {
    guard let value = config[key]?.intValue, value >= minimum else { throw problem(key, "a whole number ≥ \(minimum)") }
    return value
  }

  func optionalInt(_ key: String) throws(ConfigProblem) -> Int? {
    guard let value = config[key], !value.isNull else { return nil }
    guard let number = value.intValue else { throw problem(key, "a whole number or null") }
    return number
  }

  func float(_ key: String, default defaultValue: Float? = nil) throws(ConfigProblem) -> Float {
    guard let value = config[key] else {
      if let defaultValue { return defaultValue }
      throw problem(key, "a number")
    }
    guard let number = value.doubleValue, number.isFinite else { throw problem(key, "a finite number") }
    return Float(number)
  }

  func bool(_ key: String, default defaultValue: Bool) throws(ConfigProblem) -> Bool {
    guard let value = config[key] else { return defaultValue }
    guard let flag = value.boolValue else { throw problem(key, "true or false") }
    return flag
  }

  /// A list of positive sizes, such as a shape `[32, 32, 3]`, after an optional leading null (the
  /// batch axis in `batch_shape`).
  func shape(_ key: String, droppingBatchAxis: Bool) throws(ConfigProblem) -> [Int] {
    guard var elements = config[key]?.arrayValue else { throw problem(key, "a list of sizes") }
    if droppingBatchAxis {
      guard elements.first?.isNull == true else { throw problem(key, "a list starting with null (any batch size)") }
      elements.removeFirst()
    }
    var sizes: [Int] = []
    for element in elements {
      guard let size = element.intValue, size > 0, size <= 1 << 24 else {
        throw problem(key, "a list of positive sizes")
      }
      sizes.append(size)
    }
    guard !sizes.isEmpty, sizes.count <= 8 else { throw problem(key, "a list of 1 to 8 sizes") }
    return sizes
  }

  /// A size written as one number or a pair: `3` or `[3, 3]`.
  func size2D(_ key: String, default defaultValue: Size2D? = nil) throws(ConfigProblem) -> Size2D {
    guard let value = config[key], !value.isNull else {
      if let defaultValue { return defaultValue }
      throw problem(key, "a size such as [3, 3]")
    }
    if let side = value.intValue, side > 0 { return Size2D(side) }
    guard let pair = value.arrayValue, pair.count == 2, let height = pair[0].intValue, let width = pair[1].intValue,
      height > 0, width > 0, height <= 1 << 16, width <= 1 << 16
    else { throw problem(key, "a size such as [3, 3]") }
    return Size2D(height: height, width: width)
  }

  /// A value from a fixed set, such as `padding` ("valid" or "same").
  func choice<Choice: RawRepresentable>(_ key: String, default defaultValue: Choice) throws(ConfigProblem) -> Choice
  where Choice.RawValue == String {
    guard let value = config[key], !value.isNull else { return defaultValue }
    guard let text = value.stringValue, let choice = Choice(rawValue: text) else {
      throw problem(key, "one of the names this library knows")
    }
    return choice
  }

  /// Checks that `key` is absent or has the one value this library supports, such as
  /// `"data_format": "channels_last"`.
  func require(_ key: String, isAbsentOr allowed: JSONValue...) throws(ConfigProblem) {
    guard let value = config[key], !value.isNull else { return }
    guard allowed.contains(value) else {
      throw ConfigProblem(
        detail: "\(owner) uses \"\(key)\": \(value.serialized()), which this library does not support "
          + "(it supports \(allowed.map { $0.serialized() }.joined(separator: " or ")))")
    }
  }
}
