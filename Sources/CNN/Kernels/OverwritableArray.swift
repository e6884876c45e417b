/// An array of `count` values to be overwritten completely before any is read, for the kernels'
/// results: `storage` itself when it already holds `count` values (a layer passes last step's
/// result, so each step writes into the same memory), else a new array whose values are garbage
/// until written, which saves zeroing megabytes per call.
///
/// Reuse never changes a value anyone can see: arrays are values, so if anyone still holds
/// `storage`, the first write gives the kernel its own copy (an allocation and a copy). Layers
/// reuse only in training, where every saved input is let go of by the backward pass; an
/// inference pass keeps its inputs, so there they write into new arrays.
func overwritableArray<Element: BitwiseCopyable>(
  count: Int, reusing storage: consuming [Element] = []
) -> [Element] {
  if storage.count == count { return storage }
  return [Element](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
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
