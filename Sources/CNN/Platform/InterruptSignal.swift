import Foundation

// Platform shim: catching Ctrl-C (SIGINT) while a model trains, so that `fit` can stop after the
// current batch and keep what was learned, instead of the process dying and losing it all.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The number of Ctrl-C presses caught, in memory allocated before any handler is installed: a
/// signal handler may only do async-signal-safe work, such as storing to memory that already
/// exists. (Dispatch signal sources would be simpler but receive nothing on Linux while SIGINT is
/// ignored, and the default action ends the process.)
nonisolated(unsafe) private let caughtInterrupts: UnsafeMutablePointer<Int32> = {
  let counter = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  counter.initialize(to: 0)
  return counter
}()

/// Counts a Ctrl-C, then restores the default action so that a second Ctrl-C still ends a
/// program that cannot stop by itself.
private func handleInterrupt(_ signalNumber: Int32) {
  caughtInterrupts.pointee &+= 1
  signal(SIGINT, SIG_DFL)
}

/// Turns Ctrl-C into a request that training loops poll between batches.
final class InterruptSignal: @unchecked Sendable {
  static let shared = InterruptSignal()

  private let lock = NSLock()
  private var listeners = 0

  /// A ticket for one training loop: tells whether Ctrl-C was pressed since it was taken.
  struct Ticket {
    fileprivate let countAtStart: Int32
  }

  /// Starts catching Ctrl-C for one more listener and returns its ticket.
  func startListening() -> Ticket {
    lock.withLock {
      listeners += 1
      if listeners == 1 {
        _ = caughtInterrupts.pointee  // allocate the counter before the handler can run
        signal(SIGINT, handleInterrupt)
      }
      // A blocked signal waits for ever: a process started by a program that blocks SIGINT (a
      // test runner's thread, some launchers) inherits the block, and Ctrl-C would never arrive.
      var interrupt = sigset_t()
      sigemptyset(&interrupt)
      sigaddset(&interrupt, SIGINT)
      pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
      return Ticket(countAtStart: caughtInterrupts.pointee)
    }
  }

  /// Stops catching Ctrl-C for one listener; the default action returns when none is left.
  func stopListening() {
    lock.withLock {
      listeners -= 1
      if listeners == 0 { signal(SIGINT, SIG_DFL) }
    }
  }

  /// Whether Ctrl-C was pressed since `ticket` was taken.
  func wasInterrupted(since ticket: Ticket) -> Bool {
    caughtInterrupts.pointee != ticket.countAtStart
  }
}
