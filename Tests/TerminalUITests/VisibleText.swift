import TerminalUI

/// Measuring printed lines in the view tests, apart from the views' own measuring so that it
/// checks them: escape sequences (`ESC [ … letter`) take no columns, every other `Character` one.
enum VisibleText {
  /// `line` without its escape sequences.
  static func stripped(_ line: String) -> String {
    var text = ""
    var insideEscape = false
    for character in line {
      if insideEscape {
        if character.isLetter { insideEscape = false }
      } else if character == "\u{1B}" {
        insideEscape = true
      } else {
        text.append(character)
      }
    }
    return text
  }

  /// The number of columns `line` takes on screen.
  static func width(_ line: String) -> Int {
    stripped(line).count
  }

  /// The capabilities of every colour mode, for tests that run in each.
  static func everyMode(width: Int) -> [TerminalCapabilities] {
    [
      .plain(width: width), TerminalCapabilities(isTerminal: true, colors: .palette256, width: width),
      TerminalCapabilities(isTerminal: true, colors: .trueColor, width: width),
    ]
  }
}
