extension JSONValue {
  /// The deepest nesting of arrays and objects the parser accepts unless told otherwise.
  public static let defaultMaxDepth = 128

  /// The longest input, in bytes, the parser accepts unless told otherwise: 64 MiB.
  public static let defaultMaxByteCount = 64 * 1024 * 1024

  /// Parses JSON text, such as the contents of a Keras `config.json`.
  ///
  /// See `parse(_:maxDepth:maxByteCount:)` for what is accepted.
  public init(
    parsing text: String,
    maxDepth: Int = defaultMaxDepth,
    maxByteCount: Int = defaultMaxByteCount
  ) throws(JSONError) {
    let byteCount = text.utf8.count
    guard byteCount <= maxByteCount else {
      throw JSONError(.tooLarge(byteCount: byteCount, limit: maxByteCount), at: 0, in: [])
    }
    self = try Self.parse(Array(text.utf8), maxDepth: maxDepth, maxByteCount: maxByteCount)
  }

  /// Parses UTF-8 encoded JSON text, such as the bytes of a Keras `config.json`.
  ///
  /// The parser follows RFC 8259 strictly (no comments, no trailing commas, no single quotes, no
  /// byte order mark) and also accepts the `NaN`, `Infinity` and `-Infinity` that Python writes
  /// for non-finite floats. A number without `.`, `e` or `E` becomes `.integer` if it fits in an
  /// `Int` and `.number` otherwise (the nearest `Double`, so `123456789012345678901234567890`
  /// becomes `1.2345678901234568e+29`); other numbers become the nearest `Double`, which is
  /// infinite beyond the range of `Double` (`1e999999999999` becomes `.number(.infinity)`) and
  /// zero below it, as in Python. A key that appears twice in an object keeps its first position
  /// and takes its last value, as in Python.
  ///
  /// The input may come from anyone, so the parser checks it before trusting it: input longer
  /// than `maxByteCount` bytes is rejected before it is read, and nesting deeper than `maxDepth`
  /// arrays and objects is rejected when it is reached. The parser recurses once per level of
  /// nesting, and so do writing, comparing and freeing the value, so `maxDepth` also bounds their
  /// use of the stack: keep it in the hundreds (10,000 levels can overflow a thread's stack).
  ///
  /// - Throws: `JSONError`, with the reason and the position of the first problem.
  public static func parse(
    _ bytes: [UInt8],
    maxDepth: Int = defaultMaxDepth,
    maxByteCount: Int = defaultMaxByteCount
  ) throws(JSONError) -> JSONValue {
    guard bytes.count <= maxByteCount else {
      throw JSONError(.tooLarge(byteCount: bytes.count, limit: maxByteCount), at: 0, in: [])
    }
    var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
    return try parser.parseDocument()
  }
}

/// A recursive-descent parser over the bytes of one JSON document.
private struct JSONParser {
  let bytes: [UInt8]
  let maxDepth: Int
  /// The position of the next byte to read.
  var offset = 0
  /// The number of arrays and objects open at `offset`.
  var depth = 0

  init(bytes: [UInt8], maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  /// Parses the whole input: one value, with only whitespace around it.
  mutating func parseDocument() throws(JSONError) -> JSONValue {
    let value = try parseValue(expected: "a JSON value")
    skipWhitespace()
    guard offset == bytes.count else {
      throw failure(.trailingCharacters(found: try characterDescription(at: offset)))
    }
    return value
  }

  // MARK: Values

  /// Parses the value after any whitespace; `expected` names it in an error message.
  private mutating func parseValue(expected: String) throws(JSONError) -> JSONValue {
    skipWhitespace()
    guard let byte = peek() else { throw failure(.unexpectedEnd(expected: expected)) }
    switch byte {
    case UInt8(ascii: "{"): return .object(try parseObject())
    case UInt8(ascii: "["): return .array(try parseArray())
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
      return try parseWord(expected: expected)
    default:
      throw failure(
        .unexpectedCharacter(found: try characterDescription(at: offset), expected: expected))
    }
  }

  /// Parses `true`, `false`, `null`, `NaN` or `Infinity`; any other word is an error.
  private mutating func parseWord(expected: String) throws(JSONError) -> JSONValue {
    let start = offset
    switch readWord() {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "null": return .null
    case "NaN": return .number(.nan)
    case "Infinity": return .number(.infinity)
    case let word:
      let shown = word.count > 20 ? String(word.prefix(20)) + "…" : word
      throw failure(.unexpectedCharacter(found: shown, expected: expected), at: start)
    }
  }

  /// Reads a run of ASCII letters.
  private mutating func readWord() -> String {
    let start = offset
    while let byte = peek(), (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) {
      offset += 1
    }
    return String(decoding: bytes[start..<offset], as: UTF8.self)
  }

  /// Parses an array, from its `[` to its `]`.
  private mutating func parseArray() throws(JSONError) -> [JSONValue] {
    try enterContainer()
    defer { depth -= 1 }
    var elements: [JSONValue] = []
    skipWhitespace()
    if consume(UInt8(ascii: "]")) { return elements }
    elements.append(try parseValue(expected: "a value or ']'"))
    while true {
      skipWhitespace()
      if consume(UInt8(ascii: "]")) { return elements }
      try expect(UInt8(ascii: ","), "',' or ']' after an array element")
      elements.append(try parseValue(expected: "a value"))
    }
  }

  /// Parses an object, from its `{` to its `}`.
  private mutating func parseObject() throws(JSONError) -> JSONObject {
    try enterContainer()
    defer { depth -= 1 }
    var object = JSONObject()
    skipWhitespace()
    if consume(UInt8(ascii: "}")) { return object }
    try parseMember(into: &object, expected: "a string key or '}'")
    while true {
      skipWhitespace()
      if consume(UInt8(ascii: "}")) { return object }
      try expect(UInt8(ascii: ","), "',' or '}' after an object member")
      skipWhitespace()
      try parseMember(into: &object, expected: "a string key")
    }
  }

  /// Parses `"key": value` and stores it in `object`; `expected` names the key in an error.
  private mutating func parseMember(
    into object: inout JSONObject, expected: String
  ) throws(JSONError) {
    guard peek() == UInt8(ascii: "\"") else {
      throw try unexpectedHere(expected: expected)
    }
    let key = try parseString()
    skipWhitespace()
    try expect(UInt8(ascii: ":"), "':' after an object key")
    object[key] = try parseValue(expected: "a value")
  }

  /// Steps over the `[` or `{` at `offset`, checking the nesting limit first.
  private mutating func enterContainer() throws(JSONError) {
    guard depth < maxDepth else { throw failure(.tooDeeplyNested(limit: maxDepth)) }
    depth += 1
    offset += 1
  }

  // MARK: Strings

  /// Parses a string, from its opening quote to its closing quote.
  private mutating func parseString() throws(JSONError) -> String {
    offset += 1
    var utf8: [UInt8] = []
    while let byte = peek() {
      switch byte {
      case UInt8(ascii: "\""):
        offset += 1
        return String(decoding: utf8, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try readEscape(into: &utf8)
      case 0..<0x20:
        throw failure(.controlCharacterInString(byte))
      case 0x20..<0x80:
        utf8.append(byte)
        offset += 1
      default:
        let width = UTF8.width(try scalar(at: offset))
        utf8.append(contentsOf: bytes[offset..<offset + width])
        offset += width
      }
    }
    throw failure(.unexpectedEnd(expected: "'\"' to close the string"))
  }

  /// Reads the escape sequence starting with the backslash at `offset`, appending its UTF-8.
  private mutating func readEscape(into utf8: inout [UInt8]) throws(JSONError) {
    let start = offset
    offset += 1
    guard let byte = peek() else {
      throw failure(.unexpectedEnd(expected: "an escape after '\\'"))
    }
    let unescaped: UInt8
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped = byte
    case UInt8(ascii: "b"): unescaped = 0x08
    case UInt8(ascii: "f"): unescaped = 0x0C
    case UInt8(ascii: "n"): unescaped = 0x0A
    case UInt8(ascii: "r"): unescaped = 0x0D
    case UInt8(ascii: "t"): unescaped = 0x09
    case UInt8(ascii: "u"):
      offset = start
      UTF8.encode(try readUnicodeEscape()) { utf8.append($0) }
      return
    default:
      throw failure(.invalidEscape(found: try characterDescription(at: offset)), at: start)
    }
    utf8.append(unescaped)
    offset += 1
  }

  /// Reads `\uXXXX` at `offset`, or two of them if they form a surrogate pair.
  private mutating func readUnicodeEscape() throws(JSONError) -> Unicode.Scalar {
    let start = offset
    let unit = try readHexEscape()
    if let scalar = Unicode.Scalar(unit) { return scalar }
    let isHighSurrogate = unit < 0xDC00
    guard isHighSurrogate, bytes[offset...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
    else {
      throw failure(.unpairedSurrogate(unit), at: start)
    }
    let low = try readHexEscape()
    guard (0xDC00...0xDFFF).contains(low),
      let scalar = Unicode.Scalar(
        0x10000 + (UInt32(unit - 0xD800) << 10 | UInt32(low - 0xDC00)))
    else {
      throw failure(.unpairedSurrogate(unit), at: start)
    }
    return scalar
  }

  /// Reads the backslash, the `u` and the four hexadecimal digits of one `\uXXXX` escape.
  private mutating func readHexEscape() throws(JSONError) -> UInt16 {
    let start = offset
    offset += 2
    var unit: UInt16 = 0
    for _ in 0..<4 {
      guard let byte = peek() else {
        throw failure(.unexpectedEnd(expected: "four hexadecimal digits after '\\u'"))
      }
      guard let digit = hexDigitValue(byte) else {
        throw failure(.invalidUnicodeEscape, at: start)
      }
      unit = unit << 4 | digit
      offset += 1
    }
    return unit
  }

  /// The value of an ASCII hexadecimal digit, or `nil` for any other byte.
  private func hexDigitValue(_ byte: UInt8) -> UInt16? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt16(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt16(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt16(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  // MARK: Numbers

  /// Parses a number, or `-Infinity`.
  private mutating func parseNumber() throws(JSONError) -> JSONValue {
    let start = offset
    if consume(UInt8(ascii: "-")), peek() == UInt8(ascii: "I") {
      guard readWord() == "Infinity" else {
        throw failure(.invalidNumber(.missingDigitAfterMinus), at: start + 1)
      }
      return .number(-.infinity)
    }
    if consume(UInt8(ascii: "0")) {
      if isDigit(peek()) { throw failure(.invalidNumber(.leadingZero), at: offset - 1) }
    } else {
      try readDigits(orFail: .missingDigitAfterMinus)
    }
    var isInteger = true
    if consume(UInt8(ascii: ".")) {
      isInteger = false
      try readDigits(orFail: .missingDigitAfterDecimalPoint)
    }
    if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
      isInteger = false
      _ = consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
      try readDigits(orFail: .missingDigitInExponent)
    }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    if isInteger, let integer = Int(text) {
      return .integer(integer)
    }
    // `Double(_:)` reads every text that JSON's number syntax allows, rounding values beyond the
    // range of `Double` to infinity or zero; the `else` branch is a safeguard.
    guard let number = Double(text) else {
      throw failure(.invalidNumber(.unreadable), at: start)
    }
    return .number(number)
  }

  /// Steps over one or more ASCII digits, or throws `problem` if there is none.
  private mutating func readDigits(orFail problem: JSONError.NumberProblem) throws(JSONError) {
    guard isDigit(peek()) else { throw failure(.invalidNumber(problem)) }
    while isDigit(peek()) {
      offset += 1
    }
  }

  /// Whether `byte` is an ASCII digit (`false` at the end of the input).
  private func isDigit(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  // MARK: Bytes

  /// The byte at `offset`, or `nil` at the end of the input.
  private func peek() -> UInt8? {
    offset < bytes.count ? bytes[offset] : nil
  }

  /// Steps over `byte` if it is next, and tells whether it was.
  private mutating func consume(_ byte: UInt8) -> Bool {
    guard peek() == byte else { return false }
    offset += 1
    return true
  }

  /// Steps over `byte`, or throws an error saying that `expected` was expected.
  private mutating func expect(_ byte: UInt8, _ expected: String) throws(JSONError) {
    guard consume(byte) else { throw try unexpectedHere(expected: expected) }
  }

  /// Steps over spaces, tabs, line feeds and carriage returns.
  private mutating func skipWhitespace() {
    while let byte = peek(),
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    {
      offset += 1
    }
  }

  /// The Unicode scalar whose UTF-8 encoding starts at `position`.
  private func scalar(at position: Int) throws(JSONError) -> Unicode.Scalar {
    var iterator = bytes[position...].makeIterator()
    var decoder = UTF8()
    guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
      throw failure(.invalidUTF8(bytes[position]), at: position)
    }
    return scalar
  }

  /// The character at `position`, as text for an error message.
  private func characterDescription(at position: Int) throws(JSONError) -> String {
    String(try scalar(at: position))
  }

  /// The error for the character at `offset` when `expected` should stand there.
  private func unexpectedHere(expected: String) throws(JSONError) -> JSONError {
    guard offset < bytes.count else { return failure(.unexpectedEnd(expected: expected)) }
    return failure(
      .unexpectedCharacter(found: try characterDescription(at: offset), expected: expected))
  }

  /// An error for a problem at `position`, by default the current offset.
  private func failure(_ reason: JSONError.Reason, at position: Int? = nil) -> JSONError {
    JSONError(reason, at: position ?? offset, in: bytes)
  }
}
