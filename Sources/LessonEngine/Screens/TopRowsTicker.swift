import Dispatch
import TerminalUI

/// Rewrites the top rows of a terminal screen every second while the program waits for a line of
/// input: the presenter's header keeps its countdown, the instructor's dashboard keeps the room up
/// to date. The cursor is saved and put back around each rewrite, so what is being typed at the
/// prompt below stays where it is.
final class TopRowsTicker: @unchecked Sendable {
  private let queue = DispatchQueue(label: "lesson.ticker")
  private let timer: DispatchSourceTimer

  /// Starts rewriting the screen from its first row with the lines `rows` makes (each should fit
  /// the width, and leave the prompt's row alone), every `interval` seconds.
  init(device: TerminalOutput, interval: Double = 1, rows: @escaping () -> [String]) {
    timer = DispatchSource.makeTimerSource(queue: queue)
    timer.schedule(deadline: .now() + interval, repeating: interval)
    timer.setEventHandler {
      let lines = rows().map { $0 + ScreenControl.clearToEndOfLine }.joined(separator: "\n")
      device.write(ScreenControl.saveCursor + ScreenControl.home + lines + ScreenControl.restoreCursor)
    }
    timer.resume()
  }

  /// Stops the ticking; no rewrite is under way or starts after this returns.
  func stop() {
    timer.cancel()
    queue.sync {}
  }
}
