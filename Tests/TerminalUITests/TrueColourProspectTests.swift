import Testing

@testable import TerminalUI

@Suite struct TrueColourProspectTests {
  func prospect(_ environment: [String: String]) -> TrueColourProspect? {
    TrueColourProspect.detect(environment: environment)
  }

  @Test func tmuxIsFoundByItsVariableOrItsTerm() {
    #expect(prospect(["TMUX": "/tmp/tmux-501/default,123,0", "TERM": "screen-256color"]) == .tmux)
    #expect(prospect(["TERM": "tmux-256color"]) == .tmux)
    #expect(prospect(["TMUX": "x", "TERM_PROGRAM": "tmux", "TERM": "xterm-256color"]) == .tmux)
  }

  @Test func screenIsFoundOutsideTmux() {
    #expect(prospect(["TERM": "screen-256color"]) == .screen)
    #expect(prospect(["STY": "1234.pts-0.host", "TERM": "screen"]) == .screen)
  }

  @Test func terminalsAreKnownByTheirVariables() {
    #expect(prospect(["TERM_PROGRAM": "Apple_Terminal", "TERM": "xterm-256color"]) == .appleTerminal)
    #expect(prospect(["TERM_PROGRAM": "iTerm.app"]) == .knownTerminal("iTerm2"))
    #expect(prospect(["TERM_PROGRAM": "vscode"]) == .knownTerminal("VS Code's terminal"))
    #expect(prospect(["TERM_PROGRAM": "WezTerm"]) == .knownTerminal("WezTerm"))
    #expect(prospect(["VTE_VERSION": "7600"]) == .knownTerminal("a VTE terminal (GNOME Terminal, Tilix…)"))
    #expect(prospect(["KONSOLE_VERSION": "230804"]) == .knownTerminal("Konsole"))
    #expect(prospect(["WT_SESSION": "a1b2"]) == .knownTerminal("Windows Terminal"))
    #expect(prospect(["TERM": "xterm-256color"]) == .likely256ColourEmulator)
  }

  @Test func noProspectWhereTrueColourIsAnnouncedOffOrImpossible() {
    #expect(prospect(["COLORTERM": "truecolor", "TMUX": "x"]) == nil)
    #expect(prospect(["COLORTERM": "24bit", "TERM_PROGRAM": "iTerm.app"]) == nil)
    #expect(prospect(["NO_COLOR": "1", "TERM": "xterm-256color"]) == nil)
    #expect(prospect(["TERM": "linux"]) == nil)
    #expect(prospect(["TERM": "dumb", "VTE_VERSION": "7600"]) == nil)
    #expect(prospect(["TERM": "xterm"]) == nil)
    #expect(prospect([:]) == nil)
  }
}
