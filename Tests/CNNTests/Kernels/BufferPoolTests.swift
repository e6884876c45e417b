import Dispatch
import Foundation
import Testing

@testable import CNN

/// The two pools that let a training step reuse the memory of the step before it: scratch
/// buffers for the kernels, and recycled arrays for the gradients.
@Suite struct BufferPoolTests {
  // MARK: - ScratchBuffers

  @Test func aBufferGivenBackIsLentAgain() {
    let pool = ScratchBuffers()
    let first = pool.withFloats(1000) { $0 }
    let second = pool.withFloats(1000) { $0 }
    #expect(first == second)
    #expect(pool.allocations == 1)
  }

  @Test func buffersOutAtTheSameTimeAreDistinctAndARequestTakesTheSmallestThatFits() {
    let pool = ScratchBuffers()
    let (small, large) = pool.withFloats(100) { small in pool.withFloats(10_000) { large in (small, large) } }
    #expect(small != large)
    #expect(pool.withFloats(50) { $0 } == small)
    #expect(pool.withFloats(5_000) { $0 } == large)
    #expect(pool.allocations == 2)
  }

  @Test func aBufferTooSmallForEveryRequestIsGrownNotJoinedByAnother() {
    let pool = ScratchBuffers()
    pool.withFloats(10) { _ in }
    let grown = pool.withFloats(4096) { buffer in
      buffer.update(repeating: 1, count: 4096)  // the whole request is writable
      return buffer
    }
    #expect(pool.allocations == 2)
    #expect(pool.withFloats(10) { $0 } == grown)
    #expect(pool.allocations == 2)
  }

  @Test func threadsBorrowingAtOnceNeverShareABuffer() {
    let pool = ScratchBuffers()
    let clashes = Counter()
    DispatchQueue.concurrentPerform(iterations: 64) { job in
      pool.withFloats(256 + job % 3) { buffer in
        buffer.update(repeating: Float(job), count: 256)
        for _ in 0..<100 where (0..<256).contains(where: { buffer[$0] != Float(job) }) { clashes.add() }
      }
    }
    #expect(clashes.value == 0)
  }

  // MARK: - RecycledArrays

  @Test func aRecycledArrayIsHandedOutAgainForTheSameSizeOnly() {
    let pool = RecycledArrays()
    let array = pool.take(1000)
    let start = baseAddress(array)
    pool.recycle(array)
    #expect(baseAddress(pool.take(999)) != start)
    let again = pool.take(1000)
    #expect(again.count == 1000)
    #expect(baseAddress(again) == start)
  }

  /// A shorter batch (validation's last) and then a full one again keep the memory of the first.
  @Test func anArrayShrunkAndGrownWithinItsMemoryStaysWhereItIs() {
    let full = overwritableArray(count: 1000, reusing: [Float]())
    let start = baseAddress(full)
    let shorter = overwritableArray(count: 400, reusing: consume full)
    #expect(shorter.count == 400 && baseAddress(shorter) == start)
    let again = overwritableArray(count: 1000, reusing: consume shorter)
    #expect(again.count == 1000 && baseAddress(again) == start)
    let held = again
    let copied = overwritableArray(count: 500, reusing: again)
    #expect(copied.count == 500 && baseAddress(copied) != start, "a held array is not written into")
    #expect(held.count == 1000)
    #expect(overwritableArray(count: 2000, reusing: held).count == 2000)
  }

  @Test func writingIntoARecycledArrayThatIsStillHeldLeavesTheHolderAlone() {
    let pool = RecycledArrays()
    let held = [Float](repeating: 7, count: 64)
    pool.recycle(held)
    var taken = pool.take(64)
    taken.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    #expect(held == [Float](repeating: 7, count: 64))
    #expect(taken == [Float](repeating: 0, count: 64))
  }

  @Test func theSameStorageRecycledTwiceIsKeptOnce() {
    let pool = RecycledArrays()
    let array = pool.take(100)
    let reshaped = Tensor(shape: [10, 10], scalars: array).reshaped(to: [100])  // as Flatten passes it back
    pool.recycle(array)
    pool.recycle(reshaped.scalars)
    #expect(baseAddress(pool.take(100)) == baseAddress(array))
    #expect(baseAddress(pool.take(100)) != baseAddress(array))
  }

  @Test func theOldestArrayGoesWhenThePoolIsFull() {
    let pool = RecycledArrays()
    let arrays = (0...RecycledArrays.capacity).map { _ in pool.take(8) }
    for array in arrays { pool.recycle(array) }
    let handedOut = Set((0..<RecycledArrays.capacity).map { _ in baseAddress(pool.take(8)) })
    #expect(!handedOut.contains(baseAddress(arrays[0])))
    #expect(handedOut == Set(arrays.dropFirst().map(baseAddress)))
  }
}

/// Where an array's values are stored.
func baseAddress(_ array: [Float]) -> UnsafePointer<Float>? {
  array.withUnsafeBufferPointer { $0.baseAddress }
}

/// A count that several threads add to.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  func add() {
    lock.lock()
    count += 1
    lock.unlock()
  }
  var value: Int {
    lock.lock()
    defer { lock.unlock() }
    return count
  }
}
