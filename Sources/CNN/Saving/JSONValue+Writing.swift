extension JSONValue {
  /// The JSON text for this value, exactly as Python's `json.dumps` writes it by default.
  ///
  /// Like `json.dumps` with default arguments, it separates items with `", "` and keys from
  /// values with `": "`, escapes every character outside printable ASCII as `\uXXXX` (characters
  /// beyond U+FFFF as a surrogate pair), writes floating-point numbers as Python's `repr` does
  /// (`0.001`, `1e-07`, `16.0`, `1e+16`) and non-finite ones as `NaN`, `Infinity` and `-Infinity`.
  /// Object keys are written in their order.
  public func serialized() -> String {
    var output = ""
    write(to: &output)
    return output
  }

  /// Appends the JSON text for this value to `output`.
  private func write(to output: inout String) {
    switch self {
    case .null:
      output += "null"
    case .bool(let bool):
      output += bool ? "true" : "false"
    case .integer(let integer):
      output += String(integer)
    case .number(let number):
      output += Self.pythonRepr(number)
    case .string(let string):
      Self.writeString(string, to: &output)
    case .array(let elements):
      output += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { output += ", " }
        element.write(to: &output)
      }
      output += "]"
    case .object(let object):
      output += "{"
      for (index, member) in object.enumerated() {
        if index > 0 { output += ", " }
        Self.writeString(member.key, to: &output)
        output += ": "
        member.value.write(to: &output)
      }
      output += "}"
    }
  }

  /// Appends `string` in double quotes, escaped as Python's `json.dumps` escapes it.
  private static func writeString(_ string: String, to output: inout String) {
    output += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case " "..."~": output.unicodeScalars.append(scalar)
      case "\u{10000}"...:
        let offset = scalar.value - 0x10000
        writeUnicodeEscape(0xD800 + (offset >> 10), to: &output)
        writeUnicodeEscape(0xDC00 + (offset & 0x3FF), to: &output)
      default: writeUnicodeEscape(scalar.value, to: &output)
      }
    }
    output += "\""
  }

  /// Appends `\u` and `unit` as four lowercase hexadecimal digits, as Python writes them.
  private static func writeUnicodeEscape(_ unit: UInt32, to output: inout String) {
    let hex = String(unit, radix: 16)
    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }

  /// `value` as Python's `repr(float)` writes it, or as `json.dumps` writes NaN and infinities.
  ///
  /// Python writes the shortest digits that read back as the same `Double`, in positional
  /// notation when the decimal exponent is from -4 to 15 (`0.0001`, `123456789.0`, always with a
  /// fractional part) and in exponent notation otherwise (`1e-05`, `1e+16`, at least two exponent
  /// digits). Swift's `description` has the same digits but switches notation at other points, so
  /// the digits are taken from it and laid out again.
  private static func pythonRepr(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
    let sign = value.sign == .minus ? "-" : ""
    if value == 0 { return sign + "0.0" }
    let (digits, exponent) = shortestDigits(of: value.magnitude)
    guard (-4..<16).contains(exponent) else {
      let fraction = digits.count > 1 ? "." + digits.dropFirst() : ""
      let exponentDigits = String(exponent.magnitude)
      let paddedExponent = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
      return sign + digits.prefix(1) + fraction + "e" + (exponent < 0 ? "-" : "+") + paddedExponent
    }
    if exponent < 0 {
      return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
    }
    let integerDigitCount = exponent + 1
    if integerDigitCount < digits.count {
      return sign + digits.prefix(integerDigitCount) + "." + digits.dropFirst(integerDigitCount)
    }
    return sign + digits + String(repeating: "0", count: integerDigitCount - digits.count) + ".0"
  }

  /// The shortest decimal digits that identify the positive finite `value` (no leading or trailing
  /// zeros), and the decimal exponent of the first digit, read from Swift's `description`.
  ///
  /// `description` has the form `123.45`, `0.001` or `1.2345e+29`.
  private static func shortestDigits(of value: Double) -> (digits: String, exponent: Int) {
    var digits: [UInt8] = []
    var pointPosition: Int?
    var writtenExponent = 0
    var exponentSign = 1
    var inExponent = false
    for byte in value.description.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9") where inExponent:
        writtenExponent = writtenExponent * 10 + Int(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits.append(byte)
      case UInt8(ascii: "."):
        pointPosition = digits.count
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        inExponent = true
      case UInt8(ascii: "-"):
        exponentSign = -1
      default:
        break
      }
    }
    var exponent = (pointPosition ?? digits.count) - 1 + exponentSign * writtenExponent
    while digits.last == UInt8(ascii: "0") {
      digits.removeLast()
    }
    while digits.first == UInt8(ascii: "0") {
      digits.removeFirst()
      exponent -= 1
    }
    return (String(decoding: digits, as: UTF8.self), exponent)
  }
}
