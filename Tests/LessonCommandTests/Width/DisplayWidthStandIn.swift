import TerminalUI

// Stand-in until TextLayout measures display columns itself.
extension TextLayout {
  static func displayWidth(_ text: String) -> Int {
    var count = 0
    var insideEscape = false
    for character in text {
      if insideEscape {
        if character.isLetter { insideEscape = false }
      } else if character == "\u{1B}" {
        insideEscape = true
      } else {
        count += 1
      }
    }
    return count
  }
}
