import Dispatch
import Foundation

/// How many threads the kernels split their work over: by default every core the process may
/// use. Results do not depend on it: work is split so that each number is computed the same way
/// whichever thread computes it.
public enum ComputeThreads {
  /// The number of threads, at least 1.
  nonisolated(unsafe) public private(set) static var count = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// Uses `count` threads from now on (at least 1), for example to measure one core alone.
  public static func use(_ count: Int) {
    self.count = max(1, count)
  }

  /// Below about this many simple operations (a load, a compare, a store) a loop stays on one
  /// thread: handing work to the other cores costs a few microseconds.
  static let parallelWork = 1 << 14

  /// Runs `body` on consecutive shares of `0..<count`, one share per thread, all at once, and
  /// returns when every share is done; or on the whole range on this thread when
  /// `count · workPerItem` is below `parallelWork`. `body` must compute each item the same way
  /// whatever share it is in, and shares must not write to the same memory.
  static func forEachShare(
    of count: Int, workPerItem: Int, threads: Int = ComputeThreads.count, _ body: (Range<Int>) -> Void
  ) {
    let shares = min(threads, count)
    guard shares > 1, count &* workPerItem >= parallelWork else {
      if count > 0 { body(0..<count) }
      return
    }
    let runShare = { (share: Int) in body((count * share / shares)..<(count * (share + 1) / shares)) }
    if #available(macOS 15, *) {
      // Busy with another thread's job (or asked from inside a share): this thread does it all.
      if !SpinningWorkers.shared.perform(shares: shares, runShare) { (0..<shares).forEach(runShare) }
      return
    }
    withoutActuallyEscaping(runShare) { runShare in
      nonisolated(unsafe) let runShare = runShare
      DispatchQueue.concurrentPerform(iterations: shares) { runShare($0) }
    }
  }

  /// Values an elementwise loop hands to a thread at a time: 16 KiB, a multiple of any vector.
  static let elementwiseSlice = 4096

  /// Runs `body` on the indices `0..<count` of an elementwise loop (one simple operation per
  /// index), in slices of `elementwiseSlice` shared out over the threads.
  static func forEachSlice(of count: Int, _ body: (Range<Int>) -> Void) {
    let slices = (count + elementwiseSlice - 1) / elementwiseSlice
    forEachShare(of: slices, workPerItem: elementwiseSlice) { share in
      body((share.lowerBound * elementwiseSlice)..<min(share.upperBound * elementwiseSlice, count))
    }
  }
}
