import Foundation

// Platform shim: running a program to its end or to a time limit, with everything it starts, and
// naming the signal that ended it. The system calls are in `SpawnedProcess` (starting, killing,
// reaping) and `TerminationSignals` (Ctrl-C, hang-up, kill).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program to its end or to a time limit, in a session and process group of its own, and
/// keeps the end of its output.
///
/// Output is read through pipes as it comes; only the last `outputLimit` bytes of each stream are
/// kept in memory and the rest are counted and dropped, so a program that prints without end
/// never blocks on a full pipe, fills a disk or our memory. Standard input is empty, so a program
/// that reads it gets end-of-file at once instead of waiting for a keyboard.
///
/// Whatever the program starts ends with it: when it ends, at the time limit, and when this
/// process gets Ctrl-C, a hang-up or a `kill` (see `TerminationSignals`), its group and then
/// every process left in its session are killed. A process that starts a session of its own
/// (`setsid`) escapes this, and may hold our pipes open: the output is read for at most
/// `outputGrace` after the program ends.
///
/// The wait blocks the calling thread.
struct ChildProcess {
  /// How the program ended.
  enum Termination: Equatable, Sendable {
    /// It returned from `main` or called `exit` with this status.
    case exited(status: Int32)
    /// A signal it did not handle ended it: a trap (`SIGILL`, `SIGTRAP`), a bad memory access
    /// (`SIGSEGV`), …
    case signalled(signal: Int32)
    /// It was still running at the time limit, so it was killed.
    case timedOut
  }

  /// What a finished program left behind.
  struct Result: Sendable {
    /// How it ended.
    var termination: Termination
    /// The end of its standard output (all of it if shorter than the limit), as UTF-8.
    var standardOutput: String
    /// The end of its standard error, as UTF-8.
    var standardError: String
    /// How many bytes it wrote to both streams together, kept or not.
    var printedByteCount: Int
    /// How many of them were dropped, to keep `outputLimit` bytes of each stream.
    var droppedByteCount: Int
    /// How long it ran, from start to end.
    var duration: Duration
    /// The processor time (user and system) the program used, not counting what it started.
    var processorTime: Duration
  }

  /// The program to run.
  var executable: URL
  /// Its arguments.
  var arguments: [String]
  /// Variables added to (or replacing those of) this process's environment.
  var extraEnvironment: [String: String] = [:]
  /// The folder it runs in, or nil for this process's current folder.
  var workingDirectory: URL?
  /// How long it may run before it and every process it started are killed.
  var timeLimit: Duration
  /// How many bytes of the end of each output stream are kept.
  var outputLimit = 64 * 1024
  /// How long output is still read after the program ended, from a process that left its session.
  var outputGrace: Duration = .seconds(1)

  /// Starts the program and waits for it to end or reach the time limit.
  ///
  /// - Throws: `ExerciseRunnerError.cannotStart` when the program cannot be started,
  ///   `ExerciseRunnerError.interrupted` when this process got Ctrl-C, a hang-up or a `kill`
  ///   meanwhile (the program is killed; the signal takes effect when the outermost
  ///   `TerminationSignals.whileForwarding` ends).
  func run() throws(ExerciseRunnerError) -> Result {
    try TerminationSignals.whileForwarding { () throws(ExerciseRunnerError) -> Result in try runForwardingSignals() }
  }

  private func runForwardingSignals() throws(ExerciseRunnerError) -> Result {
    let environment = ProcessInfo.processInfo.environment.merging(extraEnvironment) { _, new in new }
    let start = ContinuousClock.now
    let process: SpawnedProcess
    switch SpawnedProcess.start(
      path: executable.path, arguments: arguments, environment: environment.map { "\($0.key)=\($0.value)" },
      folder: workingDirectory?.path)
    {
    case .success(let started): process = started
    case .failure(let failure): throw .cannotStart(program: executable.path, reason: failure.reason)
    }
    TerminationSignals.register(group: process.id)
    defer { TerminationSignals.unregister(group: process.id) }
    var streams = OutputStreams(process: process, limit: outputLimit)
    defer { streams.closePipes() }

    var timedOut = false
    while !process.hasEnded() {
      if TerminationSignals.caught != nil || ContinuousClock.now - start >= timeLimit {
        timedOut = TerminationSignals.caught == nil
        break
      }
      streams.readAvailable(waitingAtMost: .milliseconds(50))
    }
    // The program has ended (or must): end everything it started, then reap it.
    process.killEverything()
    let ending = process.reap()
    let duration = ContinuousClock.now - start
    let graceEnd = ContinuousClock.now + outputGrace
    while !streams.allEnded && ContinuousClock.now < graceEnd {
      streams.readAvailable(waitingAtMost: .milliseconds(50))
    }
    if let signal = TerminationSignals.caught { throw .interrupted(signalName: Self.name(ofSignal: signal)) }
    let termination: Termination =
      timedOut
      ? .timedOut
      : ending.signal.map { .signalled(signal: $0) } ?? .exited(status: ending.status ?? 0)
    return Result(
      termination: termination, standardOutput: streams.output.text, standardError: streams.error.text,
      printedByteCount: streams.output.byteCount + streams.error.byteCount,
      droppedByteCount: streams.output.droppedByteCount + streams.error.droppedByteCount, duration: duration,
      processorTime: ending.processorTime)
  }

  // MARK: - Signals

  /// The usual name of `signal` (`"SIGILL"`), or `"signal N"` for one without a name here.
  static func name(ofSignal signal: Int32) -> String {
    switch signal {
    case SIGILL: return "SIGILL"
    case SIGTRAP: return "SIGTRAP"
    case SIGABRT: return "SIGABRT"
    case SIGFPE: return "SIGFPE"
    case SIGKILL: return "SIGKILL"
    case SIGBUS: return "SIGBUS"
    case SIGSEGV: return "SIGSEGV"
    case SIGTERM: return "SIGTERM"
    case SIGINT: return "SIGINT"
    case SIGHUP: return "SIGHUP"
    case SIGXCPU: return "SIGXCPU"
    default: return "signal \(signal)"
    }
  }
}

extension Duration {
  /// The duration in seconds, as Dispatch and Foundation take it.
  var timeInterval: TimeInterval {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
