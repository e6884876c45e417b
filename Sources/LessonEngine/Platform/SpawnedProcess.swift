import Foundation

// Platform shim: starting a program in a session and process group of its own with `posix_spawn`, reading
// its output through pipes, and ending and reaping it. Foundation's `Process` cannot do this on
// both systems: it gives the child a group of its own on Linux but not on macOS, and it reaps
// the child itself, so the group cannot be killed while the child is a zombie that holds its id.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program started by `SpawnedProcess.start`: its process id (also its group id), and the read
/// ends of pipes on its standard output and error.
struct SpawnedProcess {
  /// The process id, which is also the id of the group it leads.
  let id: pid_t
  /// The read end of the pipe on its standard output.
  let outputPipe: Int32
  /// The read end of the pipe on its standard error.
  let errorPipe: Int32

  /// How a reaped process ended, and the processor time it used.
  struct Ending {
    /// The exit status, or nil when a signal ended it.
    var status: Int32?
    /// The signal that ended it, or nil.
    var signal: Int32?
    /// User and system time together.
    var processorTime: Duration
  }

  /// Starts `path` with `arguments` and `environment` (`NAME=value` strings) in `folder` (or
  /// ours), in a new session and process group, with standard input from /dev/null and every signal's action
  /// that could stop or end it (SIGINT, SIGPIPE, SIGXCPU, …) the default, even one this process
  /// ignores.
  ///
  /// - Returns: the process, or the `errno` text of the reason it could not start.
  static func start(path: String, arguments: [String], environment: [String], folder: String?) -> Result<
    SpawnedProcess, SpawnFailure
  > {
    guard let output = pipePair() else { return .failure(SpawnFailure(errno: errno)) }
    guard let error = pipePair() else {
      let failure = SpawnFailure(errno: errno)
      close(output.read)
      close(output.write)
      return .failure(failure)
    }
    #if canImport(Darwin)
      var actions: posix_spawn_file_actions_t? = nil
      var attributes: posix_spawnattr_t? = nil
    #else
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
      close(output.write)
      close(error.write)
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, output.write, 1)
    posix_spawn_file_actions_adddup2(&actions, error.write, 2)
    if let folder { addChangeOfFolder(&actions, folder) }
    // A new session, which it leads, and so a new group too: both ids are the child's own.
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signalNumber in [SIGINT, SIGHUP, SIGTERM, SIGQUIT, SIGPIPE, SIGCHLD, SIGXCPU, SIGXFSZ] {
      sigaddset(&defaults, signalNumber)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    posix_spawnattr_setflags(&attributes, Int16(newSession | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    var id: pid_t = 0
    let status = withCStrings([path] + arguments) { argv in
      withCStrings(environment) { envp in posix_spawn(&id, path, &actions, &attributes, argv, envp) }
    }
    guard status == 0 else {
      close(output.read)
      close(error.read)
      return .failure(SpawnFailure(errno: status))
    }
    return .success(SpawnedProcess(id: id, outputPipe: output.read, errorPipe: error.read))
  }

  // MARK: - Ending

  /// Whether the process has ended, without reaping it: as a zombie it keeps its id, so its group
  /// can still be killed by that id.
  func hasEnded() -> Bool {
    var info = siginfo_t()
    guard waitid(P_PID, id_t(id), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return false }
    #if canImport(Darwin)
      return info.si_pid == id
    #else
      return info._sifields._sigchld.si_pid == id
    #endif
  }

  /// Sends SIGKILL to the process and everything it started: its group, then every process left
  /// in its session (those in groups of their own).
  func killEverything() {
    _ = kill(-id, SIGKILL)
    SessionMembers.killAll(inSession: id)
  }

  /// Waits for the process to end and reaps it.
  func reap() -> Ending {
    var status: Int32 = 0
    var usage = rusage()
    while wait4(id, &status, 0, &usage) == -1 && errno == EINTR {}
    let processorTime = Self.duration(usage.ru_utime) + Self.duration(usage.ru_stime)
    // WIFEXITED and friends are macros, which Swift does not import: the low 7 bits hold the
    // signal, 0 for a normal exit, whose status is in the next byte.
    let signal = status & 0x7f
    return signal == 0
      ? Ending(status: (status >> 8) & 0xff, signal: nil, processorTime: processorTime)
      : Ending(status: nil, signal: signal, processorTime: processorTime)
  }

  // MARK: - Helpers

  /// The `posix_spawn` flag that starts a new session (glibc 2.26, macOS 10.15), which the Glibc
  /// module does not name.
  #if canImport(Darwin)
    private static let newSession = Int32(POSIX_SPAWN_SETSID)
  #else
    private static let newSession: Int32 = 0x80
  #endif

  #if canImport(Darwin)
    private static func addChangeOfFolder(_ actions: inout posix_spawn_file_actions_t?, _ folder: String) {
      posix_spawn_file_actions_addchdir_np(&actions, folder)
    }
  #else
    /// glibc has had `posix_spawn_file_actions_addchdir_np` since 2.29 (2019), but the Glibc
    /// module leaves it out: look it up by name, as `AllocatorTuning` does `mallopt`.
    private static func addChangeOfFolder(_ actions: inout posix_spawn_file_actions_t, _ folder: String) {
      typealias AddChangeOfFolder =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
        preconditionFailure("this C library lacks posix_spawn_file_actions_addchdir_np (glibc 2.29 or later has it)")
      }
      _ = unsafeBitCast(symbol, to: AddChangeOfFolder.self)(&actions, folder)
    }
  #endif

  private static func duration(_ time: timeval) -> Duration {
    .seconds(Int64(time.tv_sec)) + .microseconds(Int64(time.tv_usec))
  }

  /// A new pipe whose ends are closed in any program this process starts later (the child gets
  /// its copies through `dup2`, which clears that flag), or nil.
  private static func pipePair() -> (read: Int32, write: Int32)? {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    // macOS has no pipe2(O_CLOEXEC): a program another thread starts between these calls may
    // inherit the pipe, which only delays the end of its output until that program ends.
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return (ends[0], ends[1])
  }

  /// Calls `body` with `strings` as a null-terminated C array.
  private static func withCStrings<Result>(
    _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result
  ) -> Result {
    let copies = strings.map { strdup($0) } + [nil]
    defer { for copy in copies { free(copy) } }
    return copies.withUnsafeBufferPointer { body($0.baseAddress!) }
  }
}

/// Why a program could not be started: the C library's error.
struct SpawnFailure: Error {
  /// The `errno` value.
  let errno: Int32

  /// The C library's text for it: "No such file or directory".
  var reason: String { String(cString: strerror(errno)) }
}
