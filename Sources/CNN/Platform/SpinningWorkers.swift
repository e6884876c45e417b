// Platform shim: helper threads that wait for work by spinning for a moment before they sleep.
// A training step of a small model is a chain of short parallel loops (unfold, multiply, ReLU,
// pool, and back), each a few tens of microseconds long. Dispatch's `concurrentPerform` wakes
// its pool's threads through the kernel for every loop, and a woken thread often arrives after
// the calling thread has already done all the shares alone: `perf stat` showed the lesson model
// using 1.4 of 2 cores. A helper that is still spinning picks its share up within a microsecond.
// It needs atomics (the Synchronization module: macOS 15, any Linux); elsewhere the kernels
// keep using Dispatch.
import Foundation
import Synchronization

/// Helper threads for `ComputeThreads.forEachShare`: each spins for `spinningTime` after its
/// last share, then sleeps until more work is posted.
@available(macOS 15, *)
final class SpinningWorkers: @unchecked Sendable {
  /// The process's helpers: one fewer than the cores, as the posting thread works too.
  static let shared = SpinningWorkers(helpers: max(0, ProcessInfo.processInfo.activeProcessorCount - 1))

  /// How long an idle helper keeps spinning before it sleeps.
  static let spinningTime: Duration = .microseconds(200)

  /// Bumped for every job posted; helpers spin until it changes.
  private let generation = Atomic<Int>(0)
  /// Shares of the current job not yet finished.
  private let unfinished = Atomic<Int>(0)
  /// Guards the current job, its next unclaimed share and the sleeping helpers.
  private let state = NSCondition()
  private var job: ((Int) -> Void)?
  private var nextShare = 0
  private var shareCount = 0
  /// Held by the thread posting a job, so that jobs from several threads never mix.
  private let posting = NSLock()
  let helpers: Int

  private init(helpers: Int) {
    self.helpers = helpers
    for _ in 0..<helpers {
      let thread = Thread { [unowned self] in self.serve() }
      thread.name = "cnn-compute"
      thread.start()
    }
  }

  /// Runs `body(0)`, …, `body(shares − 1)` on this thread and the helpers, returning when all
  /// are done; or returns false without running any when another thread is posting a job (or
  /// this thread is itself inside a share), so the caller runs them alone.
  func perform(shares: Int, _ body: (Int) -> Void) -> Bool {
    guard posting.try() else { return false }
    defer { posting.unlock() }
    withoutActuallyEscaping(body) { body in
      state.lock()
      job = body
      nextShare = 0
      shareCount = shares
      unfinished.store(shares, ordering: .relaxed)
      generation.add(1, ordering: .releasing)
      state.broadcast()
      state.unlock()
      while runClaimedShare() { unfinished.subtract(1, ordering: .releasing) }
      while unfinished.load(ordering: .acquiring) > 0 { spinOnce() }
      state.lock()
      job = nil
      state.unlock()
    }
    return true
  }

  /// A helper's life: wait for a new job, take shares of it while there are any, repeat.
  private func serve() {
    var seen = generation.load(ordering: .acquiring)
    while true {
      let clock = ContinuousClock()
      let deadline = clock.now + Self.spinningTime
      var spins = 0
      while generation.load(ordering: .acquiring) == seen {
        spinOnce()
        spins &+= 1
        // The clock costs more than a spin: read it every 64th time round.
        if spins & 63 == 0 && clock.now > deadline {
          state.lock()
          while generation.load(ordering: .acquiring) == seen { state.wait() }
          state.unlock()
        }
      }
      seen = generation.load(ordering: .acquiring)
      while runClaimedShare() { unfinished.subtract(1, ordering: .releasing) }
    }
  }

  /// Claims the next share of the current job and runs it; false when none is left. Helpers and
  /// the posting thread alike. The job is only held while its share is unfinished: `perform` must
  /// be the last to hold it.
  private func runClaimedShare() -> Bool {
    state.lock()
    guard nextShare < shareCount, job != nil else {
      state.unlock()
      return false
    }
    let (job, share) = (self.job!, nextShare)
    nextShare += 1
    state.unlock()
    job(share)
    return true
  }

  @inline(__always) private func spinOnce() {
    for _ in 0..<32 { _ = generation.load(ordering: .relaxed) }
  }
}
