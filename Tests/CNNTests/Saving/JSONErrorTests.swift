import Testing

@testable import CNN

@Suite struct JSONErrorTests {
  /// Input that must be rejected, with the error it must give.
  struct BadInput: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let error: JSONError

    init(_ text: String, _ reason: JSONError.Reason, offset: Int, line: Int = 1, column: Int) {
      self.init(Array(text.utf8), reason, offset: offset, line: line, column: column)
    }

    init(_ bytes: [UInt8], _ reason: JSONError.Reason, offset: Int, line: Int = 1, column: Int) {
      self.bytes = bytes
      error = JSONError(reason: reason, offset: offset, line: line, column: column)
    }

    var testDescription: String { String(reflecting: String(decoding: bytes, as: UTF8.self)) }
  }

  static let badInputs: [BadInput] = [
    BadInput("", .unexpectedEnd(expected: "a JSON value"), offset: 0, column: 1),
    BadInput(" \n ", .unexpectedEnd(expected: "a JSON value"), offset: 3, line: 2, column: 2),
    BadInput(
      #"{"a": [1, 2"#, .unexpectedEnd(expected: "',' or ']' after an array element"), offset: 11,
      column: 12),
    BadInput(
      #"{"a": 1"#, .unexpectedEnd(expected: "',' or '}' after an object member"), offset: 7,
      column: 8),
    BadInput(#""abc"#, .unexpectedEnd(expected: "'\"' to close the string"), offset: 4, column: 5),
    BadInput(#"[1] x"#, .trailingCharacters(found: "x"), offset: 4, column: 5),
    BadInput(#"{} {}"#, .trailingCharacters(found: "{"), offset: 3, column: 4),
    BadInput(#"["a\qb"]"#, .invalidEscape(found: "q"), offset: 3, column: 4),
    BadInput(#""\u12G4""#, .invalidUnicodeEscape, offset: 1, column: 2),
    BadInput(#""\ud83d""#, .unpairedSurrogate(0xD83D), offset: 1, column: 2),
    BadInput(#""\ude00\ud83d""#, .unpairedSurrogate(0xDE00), offset: 1, column: 2),
    BadInput(#""x\ud83d\u0041""#, .unpairedSurrogate(0xD83D), offset: 2, column: 3),
    BadInput("01", .invalidNumber(.leadingZero), offset: 0, column: 1),
    BadInput("[-007]", .invalidNumber(.leadingZero), offset: 2, column: 3),
    BadInput("1.", .invalidNumber(.missingDigitAfterDecimalPoint), offset: 2, column: 3),
    BadInput("1.e5", .invalidNumber(.missingDigitAfterDecimalPoint), offset: 2, column: 3),
    BadInput("1e", .invalidNumber(.missingDigitInExponent), offset: 2, column: 3),
    BadInput("1e+", .invalidNumber(.missingDigitInExponent), offset: 3, column: 4),
    BadInput("-", .invalidNumber(.missingDigitAfterMinus), offset: 1, column: 2),
    BadInput("-NaN", .invalidNumber(.missingDigitAfterMinus), offset: 1, column: 2),
    BadInput("-Inf", .invalidNumber(.missingDigitAfterMinus), offset: 1, column: 2),
    BadInput(
      ".5", .unexpectedCharacter(found: ".", expected: "a JSON value"), offset: 0, column: 1),
    BadInput(
      "+1", .unexpectedCharacter(found: "+", expected: "a JSON value"), offset: 0, column: 1),
    BadInput("\"a\tb\"", .controlCharacterInString(0x09), offset: 2, column: 3),
    BadInput("\"a\nb\"", .controlCharacterInString(0x0A), offset: 2, column: 3),
    BadInput(
      "tru", .unexpectedCharacter(found: "tru", expected: "a JSON value"), offset: 0, column: 1),
    BadInput(
      "[True]", .unexpectedCharacter(found: "True", expected: "a value or ']'"), offset: 1,
      column: 2),
    BadInput("[1,]", .unexpectedCharacter(found: "]", expected: "a value"), offset: 3, column: 4),
    BadInput(
      "[1 2]", .unexpectedCharacter(found: "2", expected: "',' or ']' after an array element"),
      offset: 3, column: 4),
    BadInput(
      #"{'a': 1}"#, .unexpectedCharacter(found: "'", expected: "a string key or '}'"), offset: 1,
      column: 2),
    BadInput(
      #"{"a": 1,}"#, .unexpectedCharacter(found: "}", expected: "a string key"), offset: 8,
      column: 9),
    BadInput(
      #"{"a" 1}"#, .unexpectedCharacter(found: "1", expected: "':' after an object key"), offset: 5,
      column: 6),
    BadInput(
      "/* */ 1", .unexpectedCharacter(found: "/", expected: "a JSON value"), offset: 0, column: 1),
    BadInput(
      "\u{FEFF}1", .unexpectedCharacter(found: "\u{FEFF}", expected: "a JSON value"), offset: 0,
      column: 1),
    // Invalid UTF-8: a byte never used, an overlong encoding, an encoded surrogate, a truncated
    // sequence and a continuation byte with no lead byte.
    BadInput([0x22, 0xFF, 0x22], .invalidUTF8(0xFF), offset: 1, column: 2),
    BadInput([0x22, 0xC0, 0x80, 0x22], .invalidUTF8(0xC0), offset: 1, column: 2),
    BadInput([0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8(0xED), offset: 1, column: 2),
    BadInput([0x22, 0xE2, 0x82, 0x22], .invalidUTF8(0xE2), offset: 1, column: 2),
    BadInput([0x5B, 0x80, 0x5D], .invalidUTF8(0x80), offset: 1, column: 2),
  ]

  @Test(arguments: badInputs)
  func badInputGivesTheRightReasonAndPosition(input: BadInput) {
    #expect(throws: input.error) { try JSONValue.parse(input.bytes) }
  }

  @Test func columnsCountCharactersAndLinesCountLineFeeds() {
    let text = "{\n  \"caf\u{E9}\": \"\u{1F600}\" x}"
    let error = JSONError(
      reason: .unexpectedCharacter(found: "x", expected: "',' or '}' after an object member"),
      offset: 20, line: 2, column: 15)
    #expect(throws: error) { try JSONValue(parsing: text) }
  }

  @Test func descriptionGivesThePositionAndTheProblem() {
    let text = "{\n  \"filters\": 16,\n  \"bias\": 10 x\n}"
    #expect {
      try JSONValue(parsing: text)
    } throws: { error in
      (error as? JSONError)?.description
        == "JSON error at line 3, column 14: expected ',' or '}' after an object member, found 'x'."
    }
  }

  @Test func descriptionShowsInvisibleCharactersAsCodePoints() {
    let tab = JSONError(reason: .controlCharacterInString(0x09), offset: 2, line: 1, column: 3)
    #expect(
      tab.description
        == "JSON error at line 1, column 3: control character U+0009 in a string must be escaped.")
    let bom = JSONError(
      reason: .unexpectedCharacter(found: "\u{FEFF}", expected: "a JSON value"), offset: 0, line: 1,
      column: 1)
    #expect(
      bom.description == "JSON error at line 1, column 1: expected a JSON value, found U+FEFF.")
  }

  @Test func deepNestingFailsQuicklyAtTheLimit() {
    let text = String(repeating: "[", count: 10_000)
    let error = JSONError(reason: .tooDeeplyNested(limit: 128), offset: 128, line: 1, column: 129)
    let elapsed = ContinuousClock().measure {
      #expect(throws: error) { try JSONValue(parsing: text) }
    }
    #expect(elapsed < .seconds(1))
  }

  @Test func nestingLimitIsConfigurable() throws {
    #expect(try JSONValue(parsing: "[[[1]]]", maxDepth: 3) == [[[1]]])
    let error = JSONError(reason: .tooDeeplyNested(limit: 3), offset: 8, line: 1, column: 9)
    #expect(throws: error) { try JSONValue(parsing: #"[{"a": [{}]}]"#, maxDepth: 3) }
  }

  @Test func inputOverTheByteLimitIsRejectedBeforeItIsRead() throws {
    let error = JSONError(reason: .tooLarge(byteCount: 9, limit: 8), offset: 0, line: 1, column: 1)
    #expect(throws: error) { try JSONValue(parsing: "[1, 2, 3]", maxByteCount: 8) }
    #expect(throws: error) { try JSONValue.parse(Array("not json!".utf8), maxByteCount: 8) }
    #expect(try JSONValue(parsing: "[1, 2, 3]", maxByteCount: 9) == [1, 2, 3])
    #expect(
      error.description == "JSON error: the input is 9 bytes long, more than the limit of 8 bytes.")
  }
}
