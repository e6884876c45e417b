import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import LessonEngine

@Suite struct DoctorColourTests {
  /// What the doctor's colour report prints for `environment` to an output of `colors`.
  func report(_ environment: [String: String], colors: TerminalCapabilities.ColorSupport) throws -> String {
    let fixture = try TestLessonFixture()
    let captured = CapturedOutput()
    let output = captured.output(
      capabilities: TerminalCapabilities(isTerminal: colors != .none, colors: colors, width: 80))
    let doctor = Doctor(lesson: fixture.lesson, output: output, environment: environment)
    doctor.reportColour(on: Screen(output: output), capabilities: output.capabilities)
    return captured.text
  }

  @Test func insideTmuxItGivesTheTmuxSettingAndTheSwitch() throws {
    let text = try report(["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "screen-256color"], colors: .none)
    let joined = text.split(separator: "\n").joined(separator: " ")
    #expect(joined.contains("inside tmux"))
    #expect(joined.contains("set -as terminal-features ',xterm-256color:RGB'"))
    #expect(joined.contains("export COLORTERM=truecolor"))
    #expect(joined.contains("--color 24bit"))
  }

  @Test func in256ColoursItShowsThePictureAsNowAndIn24Bit() throws {
    let text = try report(["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color"], colors: .palette256)
    #expect(text.contains("now: 256 colours") && text.contains("in 24-bit colour"))
    #expect(text.contains("\u{1B}[38;5;") && text.contains("\u{1B}[38;2;"), "the picture in both modes")
  }

  @Test func appleTerminalIsToldItsLimitHonestly() throws {
    let text = try report(["TERM_PROGRAM": "Apple_Terminal", "TERM": "xterm-256color"], colors: .none)
    #expect(text.split(separator: "\n").joined(separator: " ").contains("macOS 26 (Tahoe)"))
  }

  @Test func plainOutputSaysWhereThePictureWouldBeAndWritesNoEscapes() throws {
    let text = try report(["VTE_VERSION": "7600", "TERM": "xterm-256color"], colors: .none)
    #expect(text.contains("VTE terminal"))
    #expect(text.contains("the doctor shows a small picture here"))
    #expect(!text.contains("\u{1B}") && !text.contains("\r"))
  }

  @Test func aTerminalThatAnnouncesTrueColourGetsNoAdvice() throws {
    #expect(try report(["COLORTERM": "truecolor", "TMUX": "x"], colors: .trueColor).isEmpty)
    #expect(try report(["TERM": "linux"], colors: .palette16).isEmpty)
  }

  @Test func everyProspectNamesItsSettingAndTheCommandSwitch() {
    let prospects: [TrueColourProspect] = [
      .tmux, .screen, .appleTerminal, .knownTerminal("Konsole"), .likely256ColourEmulator,
    ]
    for prospect in prospects {
      let advice = Doctor.trueColourAdvice(prospect).joined(separator: " ")
      #expect(advice.contains("COLORTERM=truecolor"), "\(prospect)")
      #expect(advice.contains("--color 24bit"), "\(prospect)")
    }
    #expect(Doctor.trueColourAdvice(.screen).joined().contains("truecolor on"))
  }
}
