/// Measuring text as a terminal shows it: the columns each `Character` takes.
///
/// A `Character` is one cell or two. East Asian wide and fullwidth characters (中, か, ｗ) and
/// emoji drawn as pictures (🐱, ❤️ with its presentation selector, flags) take two columns.
/// Combining marks ride on their base character, which Swift already groups into one
/// `Character` (`e` + U+0301 is one column); a mark or a zero-width format character on its own
/// takes none, and so do control characters. Escape sequences take no columns: CSI (`ESC [ …
/// final byte`), OSC (`ESC ] … BEL` or `ESC ] … ESC \`) and two-character escapes. Everything
/// else, box drawing and block elements included, takes one column, as in a western locale.
extension TextLayout {
  /// The number of columns `text` takes on screen: escape sequences and control characters take
  /// none, wide and emoji characters two, every other `Character` one.
  ///
  ///     TextLayout.visibleWidth("cat")          // 3
  ///     TextLayout.visibleWidth("猫")           // 2
  ///     TextLayout.visibleWidth("\u{1B}[1mA")   // 1
  public static func visibleWidth(_ text: String) -> Int {
    var width = 0
    var escape = EscapeReader()
    for character in text where !escape.consumes(character) {
      width += columns(of: character)
    }
    return width
  }

  /// The columns one `Character` of plain text takes: 0, 1 or 2.
  static func columns(of character: Character) -> Int {
    guard let base = character.unicodeScalars.first else { return 0 }
    switch base.properties.generalCategory {
    case .control, .format, .nonspacingMark, .enclosingMark: return 0
    default: break
    }
    if base.properties.isEmojiPresentation { return 2 }
    if character.unicodeScalars.contains("\u{FE0F}") && base.properties.isEmoji { return 2 }
    return isWide(base) ? 2 : 1
  }

  /// The longest start of plain `text` that fits in `width` columns; a wide character that would
  /// straddle the edge is left out whole.
  static func prefix(_ text: String, fitting width: Int) -> Substring {
    var used = 0
    var end = text.startIndex
    for index in text.indices {
      used += columns(of: text[index])
      if used > width { break }
      end = text.index(after: index)
    }
    return text[..<end]
  }

  /// Whether `scalar` is East Asian wide or fullwidth (Unicode's `East_Asian_Width` W or F) and
  /// not an emoji, which `columns(of:)` tests apart.
  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    guard value >= 0x1100 else { return false }
    return wideRanges.contains { $0.contains(value) }
  }

  /// The blocks whose characters are East Asian wide or fullwidth, emoji aside: Hangul, the CJK
  /// blocks, kana, Yi, Tangut and Nüshu, fullwidth forms and the CJK extension planes.
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo, leading consonants
    0x2329...0x232A,  // angle brackets
    0x2E80...0x303E,  // CJK radicals, Kangxi radicals, CJK symbols and punctuation
    0x3041...0x3247,  // kana, Bopomofo, Hangul compatibility Jamo, CJK strokes, enclosed CJK
    0x3250...0x4DBF,  // enclosed CJK, CJK compatibility, CJK extension A
    0x4E00...0xA4CF,  // CJK unified ideographs, Yi
    0xA960...0xA97F,  // Hangul Jamo extended A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
    0xFF00...0xFF60,  // fullwidth forms
    0xFFE0...0xFFE6,  // fullwidth signs
    0x16FE0...0x1B2FF,  // Tangut, Khitan, kana supplements, Nüshu
    0x1F200...0x1F265,  // enclosed ideographic supplement
    0x20000...0x3FFFD,  // CJK extensions B and later
  ]
}

/// Follows escape sequences through text a `Character` at a time, so that measuring can skip
/// them: `consumes` says whether a character belongs to one.
private struct EscapeReader {
  private enum State { case text, escape, controlSequence, operatingSystemCommand, operatingSystemEscape }
  private var state = State.text

  /// Whether `character` is part of an escape sequence (and so takes no columns).
  mutating func consumes(_ character: Character) -> Bool {
    let scalar = character.unicodeScalars.first?.value ?? 0
    switch state {
    case .text:
      guard scalar == 0x1B else { return false }
      state = .escape
    case .escape:
      state = scalar == 0x5B ? .controlSequence : scalar == 0x5D ? .operatingSystemCommand : .text
    case .controlSequence:
      if (0x40...0x7E).contains(scalar) { state = .text }
    case .operatingSystemCommand:
      if scalar == 0x07 { state = .text } else if scalar == 0x1B { state = .operatingSystemEscape }
    case .operatingSystemEscape:
      state = scalar == 0x5C ? .text : .operatingSystemCommand
    }
    return true
  }
}
