extension StringProtocol {
  /// The text with every character that acts on a terminal written out visibly instead, so that
  /// a name read from disk or from a file a stranger made prints as what it is.
  ///
  /// A file or class folder may be named `cat\u{1B}[2J` or carry an OSC sequence that sets the
  /// window's title; printed raw, such a name clears the learner's screen or rewrites what the
  /// lesson said. Escaped, it reads `cat\e[2J`. Escaped are: the C0 controls (`\n`, `\r`, `\t`,
  /// `\e` and `\x07`-style for the rest), DEL (`\x7F`), the C1 controls (`\u{9B}` is a one-byte
  /// escape sequence in some terminals) and the Unicode bidirectional overrides and isolates, which
  /// reorder the text around them on screen. Everything else, accents and emoji included, is kept.
  /// A backslash already in the name is kept as it is, so the escaping is for reading, not for
  /// parsing back.
  ///
  ///     "img\u{1B}]0;pwned\u{07}.png".escapedForTerminal()   // img\e]0;pwned\x07.png
  ///     "chat/été.png".escapedForTerminal()                 // chat/été.png
  ///
  /// - Parameter keepingNewlines: whether `\n` stays a line break: true for a whole message of
  ///   ours that quotes untrusted names (our own wording holds no other control character), false
  ///   (the default) for a name alone, which should never span lines.
  public func escapedForTerminal(keepingNewlines: Bool = false) -> String {
    func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
      scalar.actsOnTerminal && !(keepingNewlines && scalar == "\n")
    }
    guard unicodeScalars.contains(where: isEscaped) else { return String(self) }
    var escaped = ""
    for scalar in unicodeScalars {
      escaped += isEscaped(scalar) ? scalar.visibleEscape : String(scalar)
    }
    return escaped
  }
}

extension Unicode.Scalar {
  /// Whether printing this character could move the cursor, change colours or the title, ring the
  /// bell or reorder the text around it, instead of showing a glyph.
  fileprivate var actsOnTerminal: Bool {
    switch value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// How an escaped character is written: the usual backslash letter where there is one, else
  /// its code in hexadecimal.
  fileprivate var visibleEscape: String {
    switch value {
    case 0x1B: return "\\e"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x09: return "\\t"
    case 0x00...0x7F:
      let hex = String(value, radix: 16, uppercase: true)
      return "\\x" + (hex.count < 2 ? "0" + hex : hex)
    default: return "\\u{" + String(value, radix: 16, uppercase: true) + "}"
    }
  }
}
