// Platform shim: limits on the memory and processor time of a check program, set by the program
// itself (`lesson check` puts the call first in the program it builds, before any learner code
// can run) and inherited by every process it starts.
//
// Linux (4.7 and later) enforces the memory limit on writable private memory (RLIMIT_DATA: the heap,
// anonymous mappings, stacks): an allocation past it fails, and Swift stops the program with "Fatal
// error: failed to allocate N bytes of memory". Not address space (RLIMIT_AS): glibc reserves 64 MiB
// of it, unwritable, for each thread's malloc arena, which on a many-core machine adds up to
// gigabytes that are never used. macOS accepts RLIMIT_DATA but does not enforce it for `mmap`
// (nor RLIMIT_AS or RLIMIT_RSS at all), so there a program can still use all the memory the system
// gives it; the time limit and the processor time limit still end it.
// The processor time limit (RLIMIT_CPU) holds on both: at the soft limit the kernel sends SIGXCPU,
// which ends the program; a program that catches it is killed five seconds later.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Limits on what a check program may use, applied to the running process.
public enum ProgramLimits {
  /// Limits this process, and every process it starts from now on, to `memoryBytes` of writable
  /// memory (enforced on Linux only) and `processorSeconds` of processor time (user and system,
  /// over all threads). Both are hard limits, which an ordinary program cannot raise again.
  ///
  ///     ProgramLimits.apply(memoryBytes: 4 << 30, processorSeconds: 120)
  public static func apply(memoryBytes: Int, processorSeconds: Int) {
    set(memoryLimit, soft: rlim_t(memoryBytes), hard: rlim_t(memoryBytes))
    set(processorTimeLimit, soft: rlim_t(processorSeconds), hard: rlim_t(processorSeconds + 5))
  }

  // MARK: - Platform

  #if canImport(Glibc)
    private typealias Resource = __rlimit_resource_t
    private static let memoryLimit = Resource(RLIMIT_DATA.rawValue)
    private static let processorTimeLimit = Resource(RLIMIT_CPU.rawValue)
  #else
    private typealias Resource = Int32
    private static let memoryLimit = RLIMIT_DATA
    private static let processorTimeLimit = RLIMIT_CPU
  #endif

  /// Lowers `resource` to `soft` and `hard`, never raising a lower limit already in place.
  private static func set(_ resource: Resource, soft: rlim_t, hard: rlim_t) {
    var limit = rlimit()
    guard getrlimit(resource, &limit) == 0 else { return }
    limit.rlim_max = Swift.min(limit.rlim_max, hard)
    limit.rlim_cur = Swift.min(limit.rlim_max, soft)
    _ = setrlimit(resource, &limit)
  }
}
