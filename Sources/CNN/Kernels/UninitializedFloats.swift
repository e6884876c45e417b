/// An array of `count` floats whose values are garbage until written: for the kernels' buffers
/// that are filled completely before being read, which saves zeroing megabytes per call.
func uninitializedFloats(_ count: Int) -> [Float] {
  [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
}
