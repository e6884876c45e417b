/// An array of `count` values to be overwritten completely before any is read, for the kernels'
/// results: `storage` itself when it already holds `count` values (a layer passes last step's
/// result, so each step writes into the same memory), else a new array whose values are garbage
/// until written, which saves zeroing megabytes per call.
///
/// A batch of another size that fits in `storage`'s memory (validation's last, shorter batch, and
/// then training's again) shrinks or grows `storage` in place: a new array each time would leave
/// holes in the heap that the allocator cannot always fill again, and the process would grow by a
/// few megabytes an epoch. Growing writes the new values once, as zeros (garbage all the same).
///
/// Reuse never changes a value anyone can see: arrays are values, so if anyone still holds
/// `storage`, the first write gives the kernel its own copy (an allocation and a copy).
func overwritableArray<Element: BitwiseCopyable>(
  count: Int, reusing storage: consuming [Element] = []
) -> [Element] {
  if storage.count == count { return storage }
  if count <= storage.capacity, !storage.isEmpty {
    var array = storage
    if array.count > count {
      array.removeLast(array.count - count)
    } else {
      appendGarbage(count - array.count, to: &array)
    }
    return array
  }
  return [Element](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
}

/// Appends `count` values to `array`, all bits zero, copied in one block from a temporary buffer:
/// this generic function is not specialised in a build that optimises each file alone, where
/// appending a value at a time costs a call per value (a second for a batch's activations).
private func appendGarbage<Element: BitwiseCopyable>(_ count: Int, to array: inout [Element]) {
  let bytes = count * MemoryLayout<Element>.stride
  let buffer = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: MemoryLayout<Element>.alignment)
  defer { buffer.deallocate() }
  buffer.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
  array.append(
    contentsOf: UnsafeBufferPointer(start: buffer.bindMemory(to: Element.self, capacity: count), count: count))
}

/// The arrays a layer's kernel wrote last step, kept to be written again next step by
/// `overwritableArray(count:reusing:)`.
struct ReusedStorage<Element: BitwiseCopyable> {
  /// The array kept by the last `keep`, empty after a `take`.
  private(set) var kept: [Element] = []

  /// Hands over the kept array, keeping nothing: the caller's copy is then the only one the
  /// layer had.
  mutating func take() -> [Element] {
    defer { kept = [] }
    return kept
  }

  /// Keeps `array` to be written again by the next step.
  mutating func keep(_ array: [Element]) {
    kept = array
  }
}
