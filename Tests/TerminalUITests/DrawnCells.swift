import Foundation

@testable import TerminalUI

/// Reading printed lines back as a terminal would: each visible character with the colours it is
/// drawn in, decoded from the escape codes (`ESC[0m`, `ESC[1m`, 16-colour `30–37`, `90–97`,
/// `40–47`, `100–107`, 256-colour `38;5;N` / `48;5;N` and 24-bit `38;2;R;G;B` / `48;2;R;G;B`),
/// palette indices turned back into xterm's RGB colours.
struct DrawnCell: Equatable {
  /// The character shown.
  var character: Character
  /// Its text colour, nil for the terminal's own.
  var foreground: RGBColor?
  /// Its background, nil for the terminal's own.
  var background: RGBColor?

  /// The cells of `line`, one per visible character.
  static func cells(of line: String) -> [DrawnCell] {
    var cells: [DrawnCell] = []
    var foreground: RGBColor?
    var background: RGBColor?
    var remaining = Substring(line)
    while let first = remaining.first {
      guard first == "\u{1B}" else {
        cells.append(DrawnCell(character: first, foreground: foreground, background: background))
        remaining = remaining.dropFirst()
        continue
      }
      let end = remaining.firstIndex { $0.isLetter } ?? remaining.endIndex
      var codes = remaining[remaining.index(remaining.startIndex, offsetBy: 2)..<end].split(separator: ";")
        .compactMap { Int($0) }[...]
      remaining = end < remaining.endIndex ? remaining[remaining.index(after: end)...] : ""
      while let code = codes.popFirst() {
        switch code {
        case 0: (foreground, background) = (nil, nil)
        case 30...37, 90...97: foreground = TerminalPalette.xterm256Colours[code % 10 + (code >= 90 ? 8 : 0)]
        case 40...47, 100...107: background = TerminalPalette.xterm256Colours[code % 10 + (code >= 100 ? 8 : 0)]
        case 38, 48:
          let colour =
            codes.popFirst() == 5 ? codes.popFirst().map { TerminalPalette.xterm256Colours[$0] } : rgb(&codes)
          if code == 38 { foreground = colour } else { background = colour }
        default: break
        }
      }
    }
    return cells
  }

  /// The words of `line` drawn on a background (the numbers of tinted table cells), each with its
  /// background; words on the terminal's own background are left out.
  static func tintedWords(of line: String) -> [(text: String, background: RGBColor)] {
    var runs: [(text: String, background: RGBColor)] = []
    var previous: RGBColor?
    for cell in cells(of: line) {
      if let background = cell.background {
        if background == previous, let last = runs.popLast() {
          runs.append((last.text + String(cell.character), background))
        } else {
          runs.append((String(cell.character), background))
        }
      }
      previous = cell.background
    }
    return runs.flatMap { run in run.text.split(separator: " ").map { (String($0), run.background) } }
  }

  private static func rgb(_ codes: inout ArraySlice<Int>) -> RGBColor? {
    guard let r = codes.popFirst(), let g = codes.popFirst(), let b = codes.popFirst() else { return nil }
    return RGBColor(red: UInt8(r), green: UInt8(g), blue: UInt8(b))
  }
}
