import Dispatch
import Foundation
import Testing

@testable import CNN

/// The parallel loop every kernel uses: each index handled exactly once, whoever calls it and
/// however often, including from several threads at once and from inside one of its own shares.
@Suite struct ComputeThreadsTests {
  /// Counts how often each index of `0..<count` was handed to a share.
  final class Visits: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int]

    init(_ count: Int) { counts = Array(repeating: 0, count: count) }

    func record(_ range: Range<Int>) {
      lock.lock()
      for index in range { counts[index] += 1 }
      lock.unlock()
    }

    var all: [Int] {
      lock.lock()
      defer { lock.unlock() }
      return counts
    }
  }

  @Test(arguments: [0, 1, 2, 3, 1000, 100_003])
  func everyIndexIsVisitedOnce(count: Int) {
    let visits = Visits(count)
    ComputeThreads.forEachShare(of: count, workPerItem: ComputeThreads.parallelWork) { visits.record($0) }
    #expect(visits.all == Array(repeating: 1, count: count))
  }

  @Test func sharesAreConsecutiveAndInOrderOfTheirIndices() {
    let lock = NSLock()
    var ranges: [Range<Int>] = []
    ComputeThreads.forEachShare(of: 10, workPerItem: ComputeThreads.parallelWork, threads: 3) { range in
      lock.lock()
      ranges.append(range)
      lock.unlock()
    }
    #expect(ranges.sorted { $0.lowerBound < $1.lowerBound } == [0..<3, 3..<6, 6..<10])
  }

  @Test func manyThreadsPostingAtOnceEachGetTheirWholeLoopDone() {
    let callers = 8
    let results = Visits(callers)
    DispatchQueue.concurrentPerform(iterations: callers) { caller in
      for _ in 0..<50 {
        let visits = Visits(5000)
        ComputeThreads.forEachShare(of: 5000, workPerItem: ComputeThreads.parallelWork) { visits.record($0) }
        if visits.all == Array(repeating: 1, count: 5000) { results.record(caller..<(caller + 1)) }
      }
    }
    #expect(results.all == Array(repeating: 50, count: callers))
  }

  @Test func aLoopInsideAShareRunsToTheEnd() {
    let outer = Visits(4)
    let inner = Visits(4 * 1000)
    ComputeThreads.forEachShare(of: 4, workPerItem: ComputeThreads.parallelWork) { shares in
      for share in shares {
        ComputeThreads.forEachShare(of: 1000, workPerItem: ComputeThreads.parallelWork) { range in
          inner.record((share * 1000 + range.lowerBound)..<(share * 1000 + range.upperBound))
        }
      }
      outer.record(shares)
    }
    #expect(outer.all == Array(repeating: 1, count: 4))
    #expect(inner.all == Array(repeating: 1, count: 4000))
  }

  @Test func elementwiseSlicesCoverALengthThatIsNotAWholeNumberOfSlices() {
    let count = 20 * ComputeThreads.elementwiseSlice + 17
    let visits = Visits(count)
    ComputeThreads.forEachSlice(of: count) { visits.record($0) }
    #expect(visits.all == Array(repeating: 1, count: count))
  }
}
