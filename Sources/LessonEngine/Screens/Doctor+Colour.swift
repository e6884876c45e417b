import Foundation
import ImageCodecs
import TerminalUI

extension Doctor {
  /// The advice for a terminal that probably shows 24-bit colour but does not say so: where the
  /// learner is, the exact settings (each on a line of its own, to copy), and the per-command
  /// switch, as Markdown.
  static func trueColourAdvice(_ prospect: TrueColourProspect) -> [String] {
    let profile = "add this line to your shell profile (`~/.zshrc` or `~/.bashrc`)"
    let export = "```\nexport COLORTERM=truecolor\n```"
    let setting: String
    switch prospect {
    case .tmux:
      setting = """
        You are inside tmux, which passes on 256 colours unless told that the terminal outside shows \
        24-bit. Add this line to `~/.tmux.conf` (tmux 3.2 or later; put your outer terminal's `TERM` in \
        place of `xterm-256color` if it differs):

        ```
        set -as terminal-features ',xterm-256color:RGB'
        ```

        On older tmux, use `set -ga terminal-overrides ',xterm-256color:Tc'` instead. Restart tmux \
        (`tmux kill-server`), then \(profile) so that programs inside tmux know:

        \(export)
        """
    case .screen:
      setting = """
        You are inside GNU screen, which passes on 256 colours. Screen 4.8 or later shows 24-bit colour: \
        add `truecolor on` to `~/.screenrc`, restart screen, and \(profile):

        \(export)
        """
    case .appleTerminal:
      setting = """
        Apple's Terminal shows 24-bit colour only from macOS 26 (Tahoe); on older macOS, 256 colours are \
        all it has, so what you see is its best. iTerm2, WezTerm and Ghostty show 24-bit colour on any \
        macOS. On macOS 26 or later, \(profile):

        \(export)
        """
    case .knownTerminal(let name):
      setting =
        "This looks like \(name), which shows 24-bit colour but does not say so here. To use it, \(profile):\n\n\(export)"
    case .likely256ColourEmulator:
      setting = """
        Most terminals that call themselves `…-256color` show 24-bit colour too. If the right-hand picture \
        below looks smooth, \(profile):

        \(export)
        """
    }
    return [
      "**24-bit colour is probably available.** " + setting,
      "To try it for one command, add `--color 24bit`: `\(LaunchCommand.command("doctor")) --color 24bit`.",
    ]
  }

  /// Reports how to get 24-bit colour when the terminal probably has it, and shows the cat photo
  /// as it is drawn now and in 24-bit; in plain output, says where the pictures would be.
  func reportColour(on screen: Screen, capabilities: TerminalCapabilities) {
    guard capabilities.colors != .trueColor, let prospect = TrueColourProspect.detect(environment: environment)
    else { return }
    for (index, paragraph) in Doctor.trueColourAdvice(prospect).enumerated() {
      if index > 0 { screen.line() }
      screen.prose(paragraph)
    }
    guard capabilities.colors != .none else {
      screen.prose("(In a colour terminal, the doctor shows a small picture here, as drawn now and in 24-bit colour.)")
      return
    }
    let path = (lesson.root as NSString).appendingPathComponent("Datasets/photos/chelsea.png")
    guard let cat = try? Image(contentsOf: path) else { return }
    screen.line()
    screen.lines(ColourComparison(cat).lines(for: capabilities))
  }
}
