/// Why a terminal that does not announce 24-bit colour (`COLORTERM=truecolor`) probably shows it
/// anyway, read from its environment: the place the output goes through, which decides the
/// setting that turns 24-bit colour on. `lesson doctor` words the advice.
public enum TrueColourProspect: Equatable, Sendable {
  /// Inside tmux (`TMUX` is set, or `TERM` is `tmux…`): tmux passes 24-bit colour on once told
  /// the terminal outside has it.
  case tmux
  /// Inside GNU screen (`STY` is set, or `TERM` is `screen…` outside tmux): version 4.8 and later
  /// pass 24-bit colour on once told to.
  case screen
  /// Apple's Terminal app (`TERM_PROGRAM=Apple_Terminal`), which shows 24-bit colour only from
  /// macOS 26 (Tahoe); before that, 256 colours are all it has.
  case appleTerminal
  /// A terminal known to show 24-bit colour, by the name a learner knows it by: iTerm2, VS Code,
  /// WezTerm, Ghostty, a VTE terminal (GNOME Terminal, Tilix…), Konsole, Windows Terminal.
  case knownTerminal(String)
  /// A terminal that says `…-256color` and nothing more: most of these show 24-bit colour too.
  case likely256ColourEmulator

  /// The prospect for the terminal `environment` describes, or nil when there is none: it
  /// already announces 24-bit colour, colour is off (`NO_COLOR`, `TERM=dumb`), it is a 16-colour
  /// console, or nothing suggests more colours than it announces.
  public static func detect(environment: [String: String]) -> TrueColourProspect? {
    let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
    let term = environment["TERM"] ?? ""
    if colorTerm == "truecolor" || colorTerm == "24bit" { return nil }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return nil }
    if term == "dumb" || TerminalCapabilities.isSixteenColourTerminal(term) { return nil }
    if environment["TMUX"] != nil || term.hasPrefix("tmux") { return .tmux }
    if environment["STY"] != nil || term.hasPrefix("screen") { return .screen }
    let programs = [
      "iTerm.app": "iTerm2", "vscode": "VS Code's terminal", "WezTerm": "WezTerm", "ghostty": "Ghostty",
    ]
    if environment["TERM_PROGRAM"] == "Apple_Terminal" { return .appleTerminal }
    if let program = environment["TERM_PROGRAM"], let name = programs[program] { return .knownTerminal(name) }
    if environment["VTE_VERSION"] != nil { return .knownTerminal("a VTE terminal (GNOME Terminal, Tilix…)") }
    if environment["KONSOLE_VERSION"] != nil { return .knownTerminal("Konsole") }
    if environment["WT_SESSION"] != nil { return .knownTerminal("Windows Terminal") }
    if term.hasSuffix("-256color") || term.hasSuffix("-direct") { return .likely256ColourEmulator }
    return nil
  }
}
