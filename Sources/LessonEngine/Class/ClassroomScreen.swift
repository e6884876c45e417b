import ClassMode
import Foundation
import TerminalUI
import TextEscaping

/// The instructor's live dashboard in a terminal: the room's view fills the screen above a prompt
/// and is rewritten every second, while the instructor types a key and Enter:
/// `s` changes the order, `f` shows only the stuck, `h NAME` shows a learner's history, `q` quits.
final class ClassroomScreen {
  private var dashboard: ClassDashboard
  private let room: SharedRoom
  private let device: TerminalOutput
  private let input: LineInput
  private let clock: () -> Double
  /// A line shown under the room until the next key: what the last key did, or why it did nothing.
  private var message = ""

  /// A screen showing `room` through `dashboard` on `device`, reading keys from `input`.
  init(
    dashboard: ClassDashboard, room: SharedRoom, device: TerminalOutput, input: LineInput,
    clock: @escaping () -> Double = { Date().timeIntervalSince1970 }
  ) {
    self.dashboard = dashboard
    self.room = room
    self.device = device
    self.input = input
    self.clock = clock
  }

  /// Shows the room until `q` or the end of input.
  func run() {
    while true {
      device.write(ScreenControl.clearScreen + body().joined(separator: "\n") + "\n")
      Screen(output: device).prompt(promptText, narrow: "s f h NAME q ›")
      let ticker = TopRowsTicker(device: device) { [self] in body() }
      let key = input.readAnswer(echoingTo: device)
      ticker.stop()
      guard let key = key?.trimmingCharacters(in: .whitespaces) else { return }
      if !take(key) { return }
    }
  }

  /// The rows above the prompt: the room's view and the message, as many rows as the screen has
  /// less two (the prompt's and the one the Enter moves to), so each rewrite covers the last.
  func body() -> [String] {
    var lines = dashboard.lines(room.snapshot, now: clock(), capabilities: device.capabilities, height: rows - 1)
    lines += Array(repeating: "", count: max(rows - 1 - lines.count, 0))
    lines.append(TextLayout.truncated(message, to: device.capabilities.width))
    return lines
  }

  // MARK: - Keys

  private var promptText: String {
    "s sort (\(dashboard.order.rawValue)) · f " + (dashboard.stuckOnly ? "everyone" : "stuck only")
      + " · h NAME history · q quit ›"
  }

  /// The rows above the prompt: the screen's less two (the prompt's, and the one the Enter moves
  /// to), so that the screen never scrolls.
  private var rows: Int { max((device.capabilities.height ?? 24) - 2, 8) }

  /// Does what `key` asks; false for quit.
  private func take(_ key: String) -> Bool {
    let words = key.split(separator: " ", maxSplits: 1).map(String.init)
    switch words.first?.lowercased() ?? "" {
    case "q", "quit":
      return false
    case "s", "sort":
      let orders = ClassDashboard.Order.allCases
      dashboard.order = orders[(orders.firstIndex(of: dashboard.order)! + 1) % orders.count]
      message = "Sorted: \(dashboard.order.rawValue)."
    case "f", "filter":
      dashboard.stuckOnly.toggle()
      message = dashboard.stuckOnly ? "Showing only the stuck." : "Showing everyone."
    case "h", "history":
      message = words.count == 2 ? showHistory(of: words[1]) : "Type h and the start of a name: h ana"
    case "":
      message = ""
    default:
      message = "Keys: s sort, f stuck only, h NAME history, q quit."
    }
    return true
  }

  /// Shows the history of the learner whose name is `start` (or alone starts with it), until
  /// Enter; returns the message to show in the room after it.
  private func showHistory(of start: String) -> String {
    let typed = start.lowercased()
    let learners = room.snapshot.learners.values.sorted { ($0.name, $0.token) < ($1.name, $1.token) }
    let exact = learners.filter { $0.name.lowercased() == typed }
    let matches = exact.isEmpty ? learners.filter { $0.name.lowercased().hasPrefix(typed) } : exact
    guard let learner = matches.first else { return "Nobody's name starts with \"\(start.escapedForTerminal())\"." }
    guard matches.count == 1 || matches.allSatisfy({ $0.name == learner.name }) else {
      let names = matches.prefix(5).map { $0.name.escapedForTerminal() }.joined(separator: ", ")
      return "Which one? \(names)\(matches.count > 5 ? ", …" : "")"
    }
    let lines = dashboard.history(of: learner, width: device.capabilities.width)
    let shown = lines.count > rows ? [lines[0]] + lines.suffix(rows - 1) : lines
    device.write(ScreenControl.clearScreen + shown.joined(separator: "\n") + "\n")
    device.write(device.capabilities.styled("Enter: back to the room ›", bold: true) + " ")
    _ = input.readAnswer(echoingTo: device)
    return ""
  }
}
