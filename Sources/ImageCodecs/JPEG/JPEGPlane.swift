/// The samples of one component, row by row: the output of the inverse DCT, or of upsampling.
struct JPEGPlane {
  /// Samples per row in `samples` (for IDCT output, the padded block width).
  let stride: Int
  /// Rows in `samples`.
  let rowCount: Int
  /// Columns that hold real image samples (the rest is padding).
  let width: Int
  /// Rows that hold real image samples.
  let height: Int
  /// `stride × rowCount` samples.
  var samples: [UInt8]

  /// Creates a plane of zeros.
  init(stride: Int, rowCount: Int, width: Int, height: Int) {
    self.stride = stride
    self.rowCount = rowCount
    self.width = width
    self.height = height
    samples = [UInt8](repeating: 0, count: stride * rowCount)
  }
}
