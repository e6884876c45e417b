import Testing

@testable import TerminalUI

@Suite struct TerminalCapabilitiesTests {
  func detect(_ environment: [String: String], terminal: Bool = true, width: Int? = 100) -> TerminalCapabilities {
    TerminalCapabilities.detect(environment: environment, isTerminal: terminal, terminalWidth: width)
  }

  @Test func aTerminalGets256ColoursUnlessItSaysTrueColour() {
    #expect(detect(["TERM": "xterm-256color"]).colors == .palette256)
    #expect(detect(["COLORTERM": "truecolor"]).colors == .trueColor)
    #expect(detect(["COLORTERM": "24bit"]).colors == .trueColor)
  }

  @Test func consolesAndVTTerminalsGet16Colours() {
    for term in ["linux", "ansi", "cons25", "vt100", "vt102", "vt220-color"] {
      #expect(detect(["TERM": term]).colors == .palette16, "\(term)")
    }
    #expect(detect(["TERM": "linux", "COLORTERM": "truecolor"]).colors == .trueColor)
    #expect(detect(["TERM": "linux", "FORCE_COLOR": "1"], terminal: false).colors == .palette16)
  }

  @Test func emulatorsAndMultiplexersStayAt256Colours() {
    for term in ["xterm", "xterm-256color", "screen", "screen-256color", "tmux-256color", "rxvt-unicode-256color"] {
      #expect(detect(["TERM": term]).colors == .palette256, "\(term)")
    }
  }

  @Test func eachColourSupportHasAName() {
    #expect(
      [TerminalCapabilities.ColorSupport.none, .palette16, .palette256, .trueColor].map(\.name) == [
        "no colour", "16 colours", "256 colours", "24-bit colour",
      ])
    #expect(TerminalCapabilities.ColorSupport.palette16 < .palette256)
  }

  @Test func noColorTurnsColourOffEvenWhenForced() {
    #expect(detect(["NO_COLOR": "1", "COLORTERM": "truecolor"]).colors == .none)
    #expect(detect(["NO_COLOR": "1", "FORCE_COLOR": "1"]).colors == .none)
    #expect(detect(["NO_COLOR": ""]).colors == .palette256)
  }

  @Test func pipesAndDumbTerminalsGetNoColourUnlessForced() {
    #expect(detect([:], terminal: false).colors == .none)
    #expect(detect(["TERM": "dumb"]).colors == .none)
    #expect(detect(["FORCE_COLOR": "1"], terminal: false).colors == .palette256)
    #expect(detect(["FORCE_COLOR": "0"], terminal: false).colors == .none)
  }

  @Test func widthComesFromTheTerminalThenColumnsThen80() {
    #expect(detect(["COLUMNS": "120"], width: 90).width == 90)
    #expect(detect(["COLUMNS": "120"], width: nil).width == 120)
    #expect(detect(["COLUMNS": "wide"], width: nil).width == 80)
    #expect(detect([:], width: nil).width == 80)
  }

  @Test func heightComesFromTheTerminalThenLinesAndIsUnlimitedInAPipe() {
    func height(_ environment: [String: String], terminal: Bool = true, rows: Int?) -> Int? {
      TerminalCapabilities.detect(
        environment: environment, isTerminal: terminal, terminalWidth: 80, terminalHeight: rows
      )
      .height
    }
    #expect(height(["LINES": "50"], rows: 24) == 24)
    #expect(height(["LINES": "50"], rows: nil) == 50)
    #expect(height(["LINES": "tall"], rows: nil) == nil)
    #expect(height(["LINES": "50"], terminal: false, rows: nil) == nil)
  }
}
