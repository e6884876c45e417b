import Dispatch
import Foundation
import TerminalUI

/// Lines written to an output from a thread of their own, so that the thread that makes them
/// never waits for the reader: `lesson class start | less` must not stall the server when the
/// pager stops reading. At most `limit` lines wait; past that, lines are dropped and counted, and
/// the count is written when the reader has caught up.
final class QueuedLines: @unchecked Sendable {
  private let output: TerminalOutput
  private let limit: Int
  private let queue = DispatchQueue(label: "lesson.class.output")
  private let lock = NSLock()
  private var waiting = 0
  private var dropped = 0

  /// Lines for `output`, at most `limit` of them waiting.
  init(_ output: TerminalOutput, limit: Int = 10_000) {
    self.output = output
    self.limit = limit
  }

  /// Queues `text` (whole lines, newline included); returns at once.
  func write(_ text: String) {
    let accepted = lock.withLock { () -> Bool in
      guard waiting < limit else {
        dropped += 1
        return false
      }
      waiting += 1
      return true
    }
    guard accepted else { return }
    queue.async { [self] in
      output.write(text)
      let missed = lock.withLock { () -> Int in
        waiting -= 1
        defer { dropped = 0 }
        return dropped
      }
      if missed > 0 { output.write("(\(missed) lines not shown: the output was not being read)\n") }
    }
  }

  /// Waits until every queued line is written.
  func drain() {
    queue.sync {}
  }
}
