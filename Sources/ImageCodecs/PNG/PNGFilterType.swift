// The row filters of PNG filter method 0 (PNG specification, section 9), shared by the encoder,
// which chooses one per row, and the decoder, which undoes it.

/// The five filter types of PNG filter method 0; the raw value is the scanline's first byte.
enum PNGFilterType: UInt8, CaseIterable {
  /// The bytes are stored as they are.
  case none = 0
  /// Each byte is predicted by the byte one pixel to its left.
  case sub = 1
  /// Each byte is predicted by the byte above it.
  case up = 2
  /// Each byte is predicted by the mean of the bytes to its left and above, rounded down.
  case average = 3
  /// Each byte is predicted by the Paeth predictor of left, above and upper left.
  case paeth = 4

  /// Returns whichever of `a` (left), `b` (above) and `c` (upper left) is closest to
  /// `a + b − c`, preferring `a`, then `b`, when two are equally close.
  @inline(__always)
  static func paethPredictor(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
    let estimate = Int(a) + Int(b) - Int(c)
    let distanceA = abs(estimate - Int(a))
    let distanceB = abs(estimate - Int(b))
    let distanceC = abs(estimate - Int(c))
    if distanceA <= distanceB && distanceA <= distanceC { return a }
    if distanceB <= distanceC { return b }
    return c
  }
}
