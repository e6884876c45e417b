import Foundation

/// What the output can show: whether it is an interactive terminal, which colours it takes, and
/// how wide it is. Views take one of these and never look at the environment themselves, so tests
/// and instructors can choose every case.
public struct TerminalCapabilities: Equatable, Sendable {
  /// The colours an output can show.
  public enum ColorSupport: Int, Comparable, Sendable {
    /// No colour and no escape codes at all: a file, a pipe, `NO_COLOR`, or `TERM=dumb`.
    case none
    /// The 16 standard colours (`ESC[30–37m`, `ESC[90–97m`): the Linux console and other
    /// terminals that name themselves `linux`, `ansi` or `vt…`.
    case palette16
    /// The 256-colour palette (`ESC[38;5;Nm`).
    case palette256
    /// Any 24-bit colour (`ESC[38;2;R;G;Bm`).
    case trueColor

    /// Orders from no colour to full colour.
    public static func < (lhs: ColorSupport, rhs: ColorSupport) -> Bool { lhs.rawValue < rhs.rawValue }

    /// How a person would say it: "no colour", "16 colours", "256 colours" or "24-bit colour".
    public var name: String {
      switch self {
      case .none: "no colour"
      case .palette16: "16 colours"
      case .palette256: "256 colours"
      case .trueColor: "24-bit colour"
      }
    }
  }

  /// Whether the output is an interactive terminal (a line may be redrawn in place).
  public var isTerminal: Bool
  /// The colours it takes.
  public var colors: ColorSupport
  /// Its width in columns.
  public var width: Int
  /// Whether it shows Unicode (box drawing, blocks, ✓); otherwise views keep to ASCII.
  public var usesUnicode: Bool
  /// Its height in rows, or nil where rows do not run out (a file, a pipe): pictures that scale
  /// to the screen, such as image grids, keep to this many rows.
  public var height: Int?

  /// Creates capabilities as given.
  public init(isTerminal: Bool, colors: ColorSupport, width: Int, usesUnicode: Bool = true, height: Int? = nil) {
    self.isTerminal = isTerminal
    self.colors = colors
    self.width = width
    self.usesUnicode = usesUnicode
    self.height = height
  }

  /// Plain text of the given width: what a file or a pipe gets.
  public static func plain(width: Int = 80) -> TerminalCapabilities {
    TerminalCapabilities(isTerminal: false, colors: .none, width: width)
  }

  /// Works out the capabilities from the environment, the usual conventions in order:
  /// `NO_COLOR` (any value) turns colour off; `FORCE_COLOR` turns it on even in a pipe;
  /// otherwise colour needs a terminal whose `TERM` is not `dumb`; `COLORTERM` of `truecolor` or
  /// `24bit` means 24-bit colour; a `TERM` of a 16-colour terminal (`linux`, `ansi`, `cons25`,
  /// `vt100`…) means 16 colours; anything else 256 colours. The width is the terminal's, then
  /// `COLUMNS`, then 80; the height is the terminal's, then `LINES`, and nil when the output is not
  /// a terminal. Unicode is assumed unless `TERM` is `dumb` or the locale (`LC_ALL`, then
  /// `LC_CTYPE`, then `LANG`) is set to one that is not UTF-8.
  public static func detect(
    environment: [String: String], isTerminal: Bool, terminalWidth: Int?, terminalHeight: Int? = nil
  ) -> TerminalCapabilities {
    let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
    let richest: ColorSupport
    if colorTerm == "truecolor" || colorTerm == "24bit" {
      richest = .trueColor
    } else if isSixteenColourTerminal(environment["TERM"] ?? "") {
      richest = .palette16
    } else {
      richest = .palette256
    }
    let colors: ColorSupport
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
      colors = .none
    } else if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0" {
      colors = richest
    } else if !isTerminal || environment["TERM"] == "dumb" {
      colors = .none
    } else {
      colors = richest
    }
    func positive(_ name: String) -> Int? { environment[name].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } }
    let width = terminalWidth ?? positive("COLUMNS") ?? 80
    let height = isTerminal ? terminalHeight ?? positive("LINES") : nil
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    let localeIsUTF8 = locale.map { $0.uppercased().replacingOccurrences(of: "-", with: "").contains("UTF8") } ?? true
    let usesUnicode = environment["TERM"] != "dumb" && localeIsUTF8
    return TerminalCapabilities(
      isTerminal: isTerminal, colors: colors, width: width, usesUnicode: usesUnicode, height: height)
  }

  /// Whether `term` names a terminal with only the 16 standard colours: the Linux and BSD
  /// consoles, `ansi`, and the DEC VT family. Terminal emulators that say `xterm`, `screen` or
  /// `tmux` show 256 colours (or more) and are not among them.
  static func isSixteenColourTerminal(_ term: String) -> Bool {
    ["linux", "ansi", "cons25", "pcansi"].contains(term) || term.wholeMatch(of: #/vt\d+(-.*)?/#) != nil
  }

  /// The capabilities of this process's standard output.
  public static var standardOutput: TerminalCapabilities {
    detect(
      environment: TerminalProbe.environment, isTerminal: TerminalProbe.standardOutputIsTerminal,
      terminalWidth: TerminalProbe.standardOutputSize?.columns, terminalHeight: TerminalProbe.standardOutputSize?.rows)
  }
}
