extension Float {
  /// The value, or zero where it is subnormal (closer to zero than `leastNormalMagnitude`).
  ///
  /// Optimizers store their running averages through this. A weight whose gradient stays zero (a
  /// unit that a ReLU has switched off) sees its averages shrink by the same factor every step,
  /// into the subnormal range after several hundred steps, where each operation on them costs the
  /// processor about a hundred times more: on `bigger`, Adam's update went from under 1 ms to
  /// 15 ms a step in the second epoch. TensorFlow avoids this by putting the whole processor in
  /// flush-to-zero mode; the library does it only where the slowdown happens, as a plain and
  /// portable comparison.
  @inline(__always)
  var flushedToZero: Float { magnitude < .leastNormalMagnitude ? 0 : self }
}
