import Foundation

/// How many threads the kernels split large products over: by default every core the process
/// may use. Results do not depend on it: work is split so that each number is computed the same
/// way whichever thread computes it.
public enum ComputeThreads {
  /// The number of threads, at least 1.
  nonisolated(unsafe) public private(set) static var count = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// Uses `count` threads from now on (at least 1), for example to measure one core alone.
  public static func use(_ count: Int) {
    self.count = max(1, count)
  }
}
