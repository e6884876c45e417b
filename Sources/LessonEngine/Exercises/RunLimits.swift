import Foundation

/// What a learner's check program may use before it is stopped: memory, processor time and
/// output kept. The time on the clock is `ExerciseRunner.runTimeLimit`.
///
/// The memory and processor limits are set by the program itself, first thing (see
/// `ProgramLimits` in LessonChecks), so they hold for everything it starts too; the memory limit
/// is enforced on Linux only.
public struct RunLimits: Equatable, Sendable {
  /// The most writable memory the program may use, in bytes (enforced on Linux only).
  public var memoryBytes: Int
  /// Whether this system enforces `memoryBytes`: Linux does, macOS does not (see `ProgramLimits`).
  public static var memoryLimitIsEnforced: Bool {
    #if os(Linux)
      return true
    #else
      return false
    #endif
  }
  /// The most processor time the program may use, over all its threads.
  public var processorTime: Duration
  /// How many bytes of the end of each output stream are kept; the rest are dropped.
  public var outputBytes: Int

  /// Creates limits as given.
  public init(memoryBytes: Int, processorTime: Duration, outputBytes: Int) {
    self.memoryBytes = memoryBytes
    self.processorTime = processorTime
    self.outputBytes = outputBytes
  }

  /// The limits `lesson check` uses with a time limit of `runTimeLimit`: a quarter of the memory
  /// but at least 4 GiB (the exercises need well under 1 GiB), processor time for every core
  /// busy for the whole time limit (so that it never stops a program the clock would not; it
  /// bounds a process that escaped the time limit by leaving the program's process group), and
  /// 16 MiB of each output stream.
  public static func standard(runTimeLimit: Duration) -> RunLimits {
    let gibibyte = 1 << 30
    let quarter = Int(clamping: ProcessInfo.processInfo.physicalMemory / 4)
    return RunLimits(
      memoryBytes: Swift.max(4 * gibibyte, quarter / gibibyte * gibibyte),
      processorTime: runTimeLimit * ProcessInfo.processInfo.activeProcessorCount, outputBytes: 16 << 20)
  }
}
