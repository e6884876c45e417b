import Foundation

/// Float buffers that the kernels borrow for the length of one call: packed matrix panels,
/// unfolded images. A buffer given back is kept and lent again, so a training step uses the same
/// memory as the step before it instead of asking the allocator for it.
///
/// At most a handful of buffers are ever out at once (a few per thread, as the convolution's
/// unfolding holds one while its product packs two more), so the pool stays that small. A request
/// gets the smallest free buffer that is large enough; when none is, the largest free one is
/// grown, so after a step or two every request fits.
final class ScratchBuffers: @unchecked Sendable {
  /// The pool that the kernels share.
  static let shared = ScratchBuffers()

  private struct Buffer {
    var start: UnsafeMutablePointer<Float>
    var capacity: Int
  }

  private let lock = NSLock()
  private var free: [Buffer] = []
  /// How many buffers the pool has ever allocated or grown: what the tests watch stay still.
  private(set) var allocations = 0

  /// Calls `body` with a buffer of at least `count` floats whose values are garbage until
  /// written, and takes the buffer back when `body` returns.
  func withFloats<Result>(_ count: Int, _ body: (UnsafeMutablePointer<Float>) throws -> Result) rethrows -> Result {
    let buffer = borrow(count)
    defer { giveBack(buffer) }
    return try body(buffer.start)
  }

  private func borrow(_ count: Int) -> Buffer {
    lock.lock()
    defer { lock.unlock() }
    var best: Int?
    var largest: Int?
    for index in free.indices {
      let capacity = free[index].capacity
      if capacity >= count, capacity < best.map({ free[$0].capacity }) ?? .max { best = index }
      if capacity > largest.map({ free[$0].capacity }) ?? -1 { largest = index }
    }
    if let best { return free.remove(at: best) }
    allocations += 1
    // Grow the largest free buffer rather than keep one more.
    if let largest { free.remove(at: largest).start.deallocate() }
    return Buffer(start: .allocate(capacity: max(count, 1)), capacity: max(count, 1))
  }

  private func giveBack(_ buffer: Buffer) {
    lock.lock()
    defer { lock.unlock() }
    free.append(buffer)
  }
}
