import Foundation

/// Float arrays that live for only part of a training step, such as the gradients on their way
/// back through a model: each is handed back once used, and handed out again to the next request
/// of the same size. The backward pass of the next step then writes into the memory of this one,
/// while only the few gradients alive at the same moment take memory (per-layer buffers would
/// keep every layer's gradient for the whole run).
///
/// An array handed back may still be held elsewhere: that is safe, as arrays are values; whoever
/// writes into it next gets a copy of their own (see `overwritableArray`).
final class RecycledArrays: @unchecked Sendable {
  /// The pool the layers and the model share.
  static let shared = RecycledArrays()

  /// At most this many arrays are kept; the oldest goes first. A step has a few gradients of
  /// each size alive at once at most.
  static let capacity = 16

  private let lock = NSLock()
  private var kept: [[Float]] = []

  /// Returns an array of `count` floats to be overwritten completely: a kept one of that size
  /// when there is one, else a new one.
  func take(_ count: Int) -> [Float] {
    lock.lock()
    let index = kept.firstIndex { $0.count == count }
    let array = index.map { kept.remove(at: $0) } ?? []
    lock.unlock()
    return overwritableArray(count: count, reusing: array)
  }

  /// Keeps `array` for a later `take` of the same size, unless it is kept already (a layer that
  /// reshapes, like `Flatten`, passes the same storage back as its input gradient).
  func recycle(_ array: consuming [Float]) {
    guard !array.isEmpty else { return }
    lock.lock()
    defer { lock.unlock() }
    let start = array.withUnsafeBufferPointer { $0.baseAddress }
    guard !kept.contains(where: { $0.withUnsafeBufferPointer { $0.baseAddress } == start }) else { return }
    if kept.count == Self.capacity { kept.removeFirst() }
    kept.append(array)
  }
}
