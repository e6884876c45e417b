import Foundation

// Platform shim: starting a program, stopping it after a time limit, and naming the signal that
// ended it. Everything here goes through Foundation's `Process` and the C library's `kill`.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program to its end or to a time limit, with its output in temporary files.
///
/// Output goes to files rather than pipes, so a program that prints without end can never fill
/// a pipe and block while we wait for it to finish; only the last `outputLimit` bytes of each
/// stream are read back. Standard input is empty, so a program that reads it gets end-of-file
/// at once instead of waiting for a keyboard.
///
/// The wait blocks the calling thread (a semaphore, not the run loop).
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
    /// How long it ran, from start to end.
    var duration: Duration
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

  /// Starts the program and waits for it to end or reach the time limit.
  ///
  /// - Throws: `ExerciseRunnerError.cannotStart` when the program cannot be started.
  func run() throws(ExerciseRunnerError) -> Result {
    let files = FileManager.default.temporaryDirectory
    let outputFile = files.appendingPathComponent("lesson-stdout-\(UUID().uuidString)")
    let errorFile = files.appendingPathComponent("lesson-stderr-\(UUID().uuidString)")
    defer {
      try? FileManager.default.removeItem(at: outputFile)
      try? FileManager.default.removeItem(at: errorFile)
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(extraEnvironment) { _, new in new }
    if let workingDirectory { process.currentDirectoryURL = workingDirectory }
    process.standardInput = FileHandle.nullDevice
    let ended = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in ended.signal() }
    let start = ContinuousClock.now
    // Our copies of the output files' descriptors; the child has its own from the moment it starts.
    var handles: [FileHandle] = []
    defer {
      for handle in handles { try? handle.close() }
    }
    do {
      for file in [outputFile, errorFile] {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
          throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        handles.append(try FileHandle(forWritingTo: file))
      }
      process.standardOutput = handles[0]
      process.standardError = handles[1]
      try process.run()
    } catch {
      throw .cannotStart(program: executable.path, reason: error.localizedDescription)
    }
    var timedOut = false
    if ended.wait(timeout: .now() + timeLimit.timeInterval) == .timedOut {
      timedOut = true
      Self.killGroup(process.processIdentifier)
      // SIGKILL cannot be caught; the wait only guards against a process stuck in the kernel.
      _ = ended.wait(timeout: .now() + 10)
    }
    let duration = ContinuousClock.now - start
    let termination: Termination =
      timedOut
      ? .timedOut
      : process.terminationReason == .uncaughtSignal
        ? .signalled(signal: process.terminationStatus) : .exited(status: process.terminationStatus)
    return Result(
      termination: termination, standardOutput: Self.tail(of: outputFile, limit: outputLimit),
      standardError: Self.tail(of: errorFile, limit: outputLimit), duration: duration)
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
    default: return "signal \(signal)"
    }
  }

  /// Kills the process `pid` with `SIGKILL`, and with it every process it started, when it leads
  /// its own process group (Foundation's `Process` makes it one on Linux); otherwise it alone,
  /// since the group would then be ours.
  private static func killGroup(_ pid: Int32) {
    if getpgid(pid) == pid {
      _ = kill(-pid, SIGKILL)
    } else {
      _ = kill(pid, SIGKILL)
    }
  }

  // MARK: - Output

  /// The last `limit` bytes of the file at `url`, as UTF-8; when cut, from the start of a line.
  private static func tail(of url: URL, limit: Int) -> String {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
    defer { try? handle.close() }
    let size = (try? handle.seekToEnd()) ?? 0
    let start = size > UInt64(limit) ? size - UInt64(limit) : 0
    try? handle.seek(toOffset: start)
    var data = (try? handle.readToEnd()) ?? Data()
    if start > 0, let newline = data.firstIndex(of: UInt8(ascii: "\n")) {
      data = data[data.index(after: newline)...]
    }
    return String(decoding: data, as: UTF8.self)
  }
}

extension Duration {
  /// The duration in seconds, as Dispatch and Foundation take it.
  var timeInterval: TimeInterval {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
