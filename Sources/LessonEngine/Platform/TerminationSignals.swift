import Foundation

// Platform shim: what happens to a child process group when this process is told to end.
//
// A child runs in a process group of its own, so that a time-out can kill it with everything it
// started; but the terminal's Ctrl-C (SIGINT) and hang-up (SIGHUP) then reach only this process,
// and a `kill` (SIGTERM) only ever reaches the one process. Without help the child would outlive
// us: a learner's endless loop would keep a core busy after Ctrl-C. So while a child runs, these
// signals kill every registered group at once (SIGKILL), and are remembered; when the outermost
// `whileForwarding` scope ends, after the callers' clean-up (temporary folders) has run, the signal
// is raised again with the action it had before, which usually ends this process as it would
// have ended without us. A second signal in the meantime gets that action at once.
//
// The handler can only kill groups (listing processes is not async-signal-safe); `ChildProcess`
// then kills the rest of the child's session, as it does whenever a child ends. Out of scope: a
// process that started a session of its own (`setsid`); the check program's processor time limit
// still bounds a busy one. SIGKILL to this process cannot be caught.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A C signal handler, as `signal` takes and returns it.
private typealias SignalHandler = @convention(c) (Int32) -> Void

/// How many groups can be registered at once; far more than `lesson` runs (one at a time).
private let groupCapacity = 64

/// The signals forwarded, and the memory the handler uses: allocated before any handler is
/// installed, since a handler may only touch memory that already exists.
nonisolated(unsafe) private let forwardedSignals: UnsafeMutablePointer<Int32> = {
  let signals = UnsafeMutablePointer<Int32>.allocate(capacity: 3)
  signals.initialize(from: [SIGINT, SIGHUP, SIGTERM], count: 3)
  return signals
}()
nonisolated(unsafe) private let registeredGroups: UnsafeMutablePointer<Int32> = {
  let groups = UnsafeMutablePointer<Int32>.allocate(capacity: groupCapacity)
  groups.initialize(repeating: 0, count: groupCapacity)
  return groups
}()
nonisolated(unsafe) private let previousHandlers: UnsafeMutablePointer<SignalHandler?> = {
  let handlers = UnsafeMutablePointer<SignalHandler?>.allocate(capacity: 3)
  handlers.initialize(repeating: nil, count: 3)
  return handlers
}()
nonisolated(unsafe) private let caughtSignal: UnsafeMutablePointer<Int32> = {
  let caught = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  caught.initialize(to: 0)
  return caught
}()

/// Kills every registered group, remembers the signal and gives it back its previous action.
/// Only async-signal-safe calls: `kill` and `signal`.
private func forwardTermination(_ signalNumber: Int32) {
  for slot in 0..<groupCapacity where registeredGroups[slot] > 0 {
    _ = kill(-registeredGroups[slot], SIGKILL)
  }
  caughtSignal.pointee = signalNumber
  for index in 0..<3 where forwardedSignals[index] == signalNumber {
    _ = signal(signalNumber, previousHandlers[index])
  }
}

/// Ends child process groups when this process is interrupted, hung up on or terminated.
enum TerminationSignals {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var depth = 0
  /// Which of the forwarded signals have our handler (not those this process ignores).
  nonisolated(unsafe) private static var installed = [false, false, false]

  /// The signal caught since the outermost scope began, or nil.
  static var caught: Int32? {
    caughtSignal.pointee == 0 ? nil : caughtSignal.pointee
  }

  /// Runs `body` with the signals forwarded to registered groups; when it returns or throws and a
  /// signal came meanwhile, and this is the outermost scope, raises that signal again.
  static func whileForwarding<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
    lock.withLock {
      depth += 1
      if depth == 1 { install() }
    }
    defer {
      let signalToRaise: Int32? = lock.withLock {
        depth -= 1
        guard depth == 0 else { return nil }
        uninstall()
        defer { caughtSignal.pointee = 0 }
        return caught
      }
      if let signalToRaise { raiseInThisThread(signalToRaise) }
    }
    return try body()
  }

  /// Adds the process group `group` to those killed by a forwarded signal; kills it at once when
  /// a signal already came.
  static func register(group: Int32) {
    lock.withLock {
      guard let slot = (0..<groupCapacity).first(where: { registeredGroups[$0] == 0 }) else { return }
      registeredGroups[slot] = group
    }
    if caught != nil { _ = kill(-group, SIGKILL) }
  }

  /// Removes `group`, which has ended.
  static func unregister(group: Int32) {
    lock.withLock {
      for slot in 0..<groupCapacity where registeredGroups[slot] == group { registeredGroups[slot] = 0 }
    }
  }

  // MARK: - Handlers

  /// Puts our handler on each forwarded signal this process does not ignore.
  private static func install() {
    for index in 0..<3 {
      let signalNumber = forwardedSignals[index]
      let previous = signal(signalNumber, forwardTermination)
      if isIgnore(previous) {
        _ = signal(signalNumber, previous)
        installed[index] = false
      } else {
        previousHandlers[index] = previous
        installed[index] = true
      }
    }
  }

  /// Gives each signal we handled its previous action back.
  private static func uninstall() {
    for index in 0..<3 where installed[index] {
      _ = signal(forwardedSignals[index], previousHandlers[index])
      installed[index] = false
    }
  }

  /// Raises `signalNumber` in this thread, unblocked first: a thread of a task pool may block
  /// signals, and a blocked one would stay pending while this process carries on.
  private static func raiseInThisThread(_ signalNumber: Int32) {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signalNumber)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(signalNumber)
  }

  private static func isIgnore(_ handler: SignalHandler?) -> Bool {
    let ignore: SignalHandler? = SIG_IGN
    guard let handler, let ignore else { return false }
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(ignore, to: Int.self)
  }
}
