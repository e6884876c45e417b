// Platform shim: catching Ctrl-C (SIGINT) while a model trains, so that `fit` can stop after the
// current batch and keep what was learned, instead of the process dying and losing it all.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import Foundation

/// Turns Ctrl-C into a request that training loops poll between batches.
///
/// While at least one loop listens, SIGINT is caught instead of ending the process; after the
/// first Ctrl-C the default action is restored, so a second Ctrl-C still stops a stuck program.
final class InterruptSignal: @unchecked Sendable {
  static let shared = InterruptSignal()

  private let lock = NSLock()
  private var listeners = 0
  private var source: DispatchSourceSignal?
  private var requests = 0

  /// A ticket for one training loop: tells whether Ctrl-C was pressed since it was taken.
  struct Ticket {
    fileprivate let requestsAtStart: Int
  }

  /// Starts catching Ctrl-C for one more listener and returns its ticket.
  func startListening() -> Ticket {
    lock.withLock {
      listeners += 1
      if listeners == 1 { install() }
      return Ticket(requestsAtStart: requests)
    }
  }

  /// Stops catching Ctrl-C for one listener; the default action returns when none is left.
  func stopListening() {
    lock.withLock {
      listeners -= 1
      if listeners == 0 { uninstall() }
    }
  }

  /// Whether Ctrl-C was pressed since `ticket` was taken.
  func wasInterrupted(since ticket: Ticket) -> Bool {
    lock.withLock { requests > ticket.requestsAtStart }
  }

  /// Records a Ctrl-C, as the signal handler does.
  func requestInterrupt() {
    lock.withLock {
      requests += 1
      // A second Ctrl-C ends the process, in case training cannot stop by itself.
      signal(SIGINT, SIG_DFL)
    }
  }

  private func install() {
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler { [weak self] in self?.requestInterrupt() }
    source.resume()
    self.source = source
  }

  private func uninstall() {
    source?.cancel()
    source = nil
    signal(SIGINT, SIG_DFL)
  }
}
