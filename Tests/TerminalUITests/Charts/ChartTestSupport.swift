import Foundation
import Testing

@testable import TerminalUI

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Helpers shared by the chart tests: measuring lines as a terminal shows them, checking widths,
/// modes and SVG.
enum ChartTestSupport {
  /// The widths every view is laid out at.
  static let widths = [40, 80, 120]
  /// Widths too small for any chart, where views must still fit.
  static let tinyWidths = [1, 2, 5, 12]

  /// A 24-bit colour terminal of the given width.
  static func colour(width: Int = 80) -> TerminalCapabilities {
    TerminalCapabilities(isTerminal: true, colors: .trueColor, width: width)
  }

  /// The escape sequence that sets the text colour to `colour` on a 24-bit terminal.
  static func foregroundCode(_ colour: RGBColor) -> String {
    "\u{1B}[38;2;\(colour.red);\(colour.green);\(colour.blue)m"
  }

  /// The escape sequence that sets the background to `colour` on a 24-bit terminal.
  static func backgroundCode(_ colour: RGBColor) -> String {
    "\u{1B}[48;2;\(colour.red);\(colour.green);\(colour.blue)m"
  }

  /// `line` without its escape sequences: what the terminal shows.
  static func visible(_ line: String) -> String {
    VisibleText.stripped(line)
  }

  /// Expects every line to show at most `width` characters.
  static func expectFits(_ lines: [String], width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!lines.isEmpty, sourceLocation: sourceLocation)
    for line in lines {
      let shown = visible(line)
      #expect(shown.count <= width, "\(shown.count) > \(width): \(shown)", sourceLocation: sourceLocation)
    }
  }

  /// Expects the same text with and without colour, once escape codes are taken out, and
  /// every line to fit, at each width in `widths`.
  static func expectSameTextInBothModes(
    at widths: [Int], sourceLocation: SourceLocation = #_sourceLocation, _ render: (TerminalCapabilities) -> [String]
  ) {
    for width in widths {
      let plain = render(.plain(width: width))
      let colour = render(colour(width: width))
      expectFits(plain, width: width, sourceLocation: sourceLocation)
      expectFits(colour, width: width, sourceLocation: sourceLocation)
      #expect(colour.map(visible) == plain, "width \(width)", sourceLocation: sourceLocation)
    }
  }

  /// Expects plain text: no escape codes and no carriage returns.
  static func expectPlain(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    for line in lines {
      #expect(!line.contains("\u{1B}"), "escape code in: \(line)", sourceLocation: sourceLocation)
      #expect(!line.contains("\r"), "carriage return in: \(line)", sourceLocation: sourceLocation)
    }
  }

  /// Whether `document` parses as XML.
  static func parses(_ document: SVGDocument) -> Bool {
    XMLParser(data: Data(document.rendered().utf8)).parse()
  }
}
