/// A problem found while parsing JSON text, with where it was found.
///
/// `description` gives the position and the problem in one sentence:
/// `JSON error at line 3, column 14: expected ',' or '}' after an object member, found 'x'.`
public struct JSONError: Error, CustomStringConvertible, Equatable, Sendable {
  /// What is wrong.
  public let reason: Reason
  /// The position of the problem in the input, counted in bytes from 0.
  public let offset: Int
  /// The line of the problem, counted from 1; lines end at each line feed.
  public let line: Int
  /// The column of the problem, counted from 1 in characters (Unicode scalars) within its line.
  public let column: Int

  /// What is wrong with a piece of JSON text.
  public enum Reason: Equatable, Sendable {
    /// Something other than what JSON allows here: `found` is the character, or the word, that
    /// was found and `expected` says what may stand here instead.
    case unexpectedCharacter(found: String, expected: String)
    /// The input ended where `expected` should have followed.
    case unexpectedEnd(expected: String)
    /// A backslash in a string is followed by `found`, which does not start an escape.
    case invalidEscape(found: String)
    /// A `\u` escape is not followed by four hexadecimal digits.
    case invalidUnicodeEscape
    /// A `\u` escape holds half of a surrogate pair without the other half.
    case unpairedSurrogate(UInt16)
    /// A string contains a control character (below U+0020) that was not escaped.
    case controlCharacterInString(UInt8)
    /// The byte starts no valid UTF-8 sequence.
    case invalidUTF8(UInt8)
    /// A number does not follow JSON's number syntax.
    case invalidNumber(NumberProblem)
    /// Arrays and objects are nested deeper than the parser's limit allows.
    case tooDeeplyNested(limit: Int)
    /// The input is longer than the parser's limit; it was rejected before it was read.
    case tooLarge(byteCount: Int, limit: Int)
    /// Something other than whitespace follows the JSON value.
    case trailingCharacters(found: String)
  }

  /// How a number breaks JSON's number syntax.
  public enum NumberProblem: Equatable, Sendable {
    /// The integer part starts with a zero followed by more digits, such as `01`.
    case leadingZero
    /// A minus sign is followed by neither a digit nor `Infinity`.
    case missingDigitAfterMinus
    /// A decimal point is followed by no digit, such as `1.`.
    case missingDigitAfterDecimalPoint
    /// An exponent marker is followed by no digit, such as `1e` or `1e+`.
    case missingDigitInExponent
    /// `Double(_:)` could not read a number that follows JSON's syntax. Swift reads every such
    /// number, so this is a safeguard that is not expected to occur.
    case unreadable
  }

  /// The position and the problem, in one sentence.
  public var description: String {
    if case .tooLarge = reason {
      return "JSON error: \(reason.explanation)."
    }
    return "JSON error at line \(line), column \(column): \(reason.explanation)."
  }
}

extension JSONError {
  /// Creates an error for a problem at byte `offset` of `bytes`, working out its line and column.
  init(_ reason: Reason, at offset: Int, in bytes: [UInt8]) {
    var line = 1
    var column = 1
    for byte in bytes.prefix(offset) {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0b1100_0000 != 0b1000_0000 {
        column += 1
      }
    }
    self.init(reason: reason, offset: offset, line: line, column: column)
  }
}

extension JSONError.Reason {
  /// The problem in words, without a final full stop.
  fileprivate var explanation: String {
    switch self {
    case .unexpectedCharacter(let found, let expected):
      return "expected \(expected), found \(Self.quoted(found))"
    case .unexpectedEnd(let expected):
      return "expected \(expected), but the input ended"
    case .invalidEscape(let found):
      return """
        invalid escape '\\\(found)' in a string; the escapes are \\", \\\\, \\/, \\b, \\f, \\n, \\r, \
        \\t and \\u followed by four hexadecimal digits
        """
    case .invalidUnicodeEscape:
      return "'\\u' must be followed by four hexadecimal digits"
    case .unpairedSurrogate(let unit):
      return """
        unpaired surrogate \\u\(String(unit, radix: 16, uppercase: true)) in a string; a high \
        surrogate (\\uD800–\\uDBFF) must be followed by a low one (\\uDC00–\\uDFFF)
        """
    case .controlCharacterInString(let byte):
      return "control character \(Self.codePoint(UInt32(byte))) in a string must be escaped"
    case .invalidUTF8(let byte):
      return "byte 0x\(String(byte, radix: 16, uppercase: true)) is not valid UTF-8"
    case .invalidNumber(let problem):
      return "invalid number: \(problem.explanation)"
    case .tooDeeplyNested(let limit):
      return "arrays and objects are nested more than \(limit) levels deep"
    case .tooLarge(let byteCount, let limit):
      return "the input is \(byteCount) bytes long, more than the limit of \(limit) bytes"
    case .trailingCharacters(let found):
      return "found \(Self.quoted(found)) after the JSON value, where only whitespace may follow"
    }
  }

  /// The kinds of character that would not show up between quotes.
  private static let invisibleCategories: Set<Unicode.GeneralCategory> = [
    .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
  ]

  /// `text` in single quotes, or as `U+XXXX` if it is a single invisible character (a space, a
  /// control character, a byte order mark…).
  private static func quoted(_ text: String) -> String {
    let scalars = text.unicodeScalars
    if scalars.count == 1, let scalar = scalars.first,
      invisibleCategories.contains(scalar.properties.generalCategory)
    {
      return codePoint(scalar.value)
    }
    return "'\(text)'"
  }

  /// A code point in `U+XXXX` notation.
  private static func codePoint(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}

extension JSONError.NumberProblem {
  /// The problem in words.
  fileprivate var explanation: String {
    switch self {
    case .leadingZero: return "a number must not start with 0 followed by another digit"
    case .missingDigitAfterMinus: return "'-' must be followed by a digit or 'Infinity'"
    case .missingDigitAfterDecimalPoint: return "'.' must be followed by a digit"
    case .missingDigitInExponent: return "an exponent must have at least one digit"
    case .unreadable: return "Swift could not read it as a Double"
    }
  }
}
