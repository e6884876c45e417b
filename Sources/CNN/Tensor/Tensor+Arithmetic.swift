// Elementwise arithmetic with NumPy broadcasting: shapes are lined up from the last axis, and
// an axis of size 1 (or a missing one) is repeated to match the other operand.
// `images / 255` divides every pixel; `features - mean` with `mean` of shape [C] shifts each channel.

extension Tensor {
  /// Returns `self` and `other` combined value by value with `operation`, after broadcasting.
  public func combined(with other: Tensor, _ operation: (Float, Float) -> Float) -> Tensor {
    if shape == other.shape {
      return Tensor(shape: shape, scalars: zip(scalars, other.scalars).map(operation))
    }
    let resultShape = Tensor.broadcastShape(shape, other.shape)
    let leftStrides = broadcastStrides(to: resultShape)
    let rightStrides = other.broadcastStrides(to: resultShape)
    let count = resultShape.reduce(1, *)
    var result = [Float]()
    result.reserveCapacity(count)
    var index = Array(repeating: 0, count: resultShape.count)
    var left = 0
    var right = 0
    for _ in 0..<count {
      result.append(operation(scalars[left], other.scalars[right]))
      // Advance the multi-index like an odometer, keeping both offsets in step.
      var axis = resultShape.count - 1
      while axis >= 0 {
        index[axis] += 1
        left += leftStrides[axis]
        right += rightStrides[axis]
        if index[axis] < resultShape[axis] { break }
        left -= leftStrides[axis] * resultShape[axis]
        right -= rightStrides[axis] * resultShape[axis]
        index[axis] = 0
        axis -= 1
      }
    }
    return Tensor(shape: resultShape, scalars: result)
  }

  /// Returns a tensor of the same shape with `transform` applied to every value.
  @inline(__always)
  public func map(_ transform: (Float) -> Float) -> Tensor {
    map(transform, writingInto: [])
  }

  /// `map(_:)`, writing the results into `storage` when it holds as many values (see
  /// `overwritableArray`): an activation layer passes last step's output, so each training step
  /// writes into the same memory.
  @inline(__always)
  func map(_ transform: (Float) -> Float, writingInto storage: consuming [Float]) -> Tensor {
    // A plain pointer loop: the compiler inlines `transform` and vectorises the loop, which
    // Array.map's generic path does not always allow.
    var mapped = overwritableArray(count: scalars.count, reusing: storage)
    mapped.withUnsafeMutableBufferPointer { output in
      scalars.withUnsafeBufferPointer { input in
        for index in 0..<input.count { output[index] = transform(input[index]) }
      }
    }
    return Tensor(shape: shape, scalars: mapped)
  }

  /// The shape two operands broadcast to, NumPy's rule.
  static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int] {
    let rank = Swift.max(a.count, b.count)
    let paddedA = Array(repeating: 1, count: rank - a.count) + a
    let paddedB = Array(repeating: 1, count: rank - b.count) + b
    return zip(paddedA, paddedB).map { x, y in
      precondition(
        x == y || x == 1 || y == 1,
        "Shapes \(a) and \(b) cannot be combined: each axis, counted from the last, needs equal sizes or a size of 1")
      return x == 1 ? y : x
    }
  }

  /// Strides of this tensor seen as `target` (stride 0 along repeated axes).
  private func broadcastStrides(to target: [Int]) -> [Int] {
    let padded = Array(repeating: 1, count: target.count - rank) + shape
    var strides = Array(repeating: 0, count: target.count)
    var step = 1
    for axis in stride(from: target.count - 1, through: 0, by: -1) {
      strides[axis] = padded[axis] == 1 ? 0 : step
      step *= padded[axis]
    }
    return strides
  }
}

// MARK: - Operators

extension Tensor {
  /// Adds two tensors value by value, broadcasting as NumPy does.
  public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combined(with: rhs, +) }
  /// Subtracts two tensors value by value, broadcasting as NumPy does.
  public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combined(with: rhs, -) }
  /// Multiplies two tensors value by value (not a matrix product), broadcasting as NumPy does.
  public static func * (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combined(with: rhs, *) }
  /// Divides two tensors value by value, broadcasting as NumPy does.
  public static func / (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combined(with: rhs, /) }

  /// Adds a number to every value.
  public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 + rhs } }
  /// Subtracts a number from every value.
  public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 - rhs } }
  /// Multiplies every value by a number.
  public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 * rhs } }
  /// Divides every value by a number: `images / 255` rescales pixels to 0...1.
  public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 / rhs } }

  /// Adds every value to a number.
  public static func + (lhs: Float, rhs: Tensor) -> Tensor { rhs.map { lhs + $0 } }
  /// Subtracts every value from a number.
  public static func - (lhs: Float, rhs: Tensor) -> Tensor { rhs.map { lhs - $0 } }
  /// Multiplies a number by every value.
  public static func * (lhs: Float, rhs: Tensor) -> Tensor { rhs.map { lhs * $0 } }
  /// Divides a number by every value.
  public static func / (lhs: Float, rhs: Tensor) -> Tensor { rhs.map { lhs / $0 } }

  /// Negates every value.
  public static prefix func - (tensor: Tensor) -> Tensor { tensor.map { -$0 } }

  /// Adds `rhs` to `lhs` in place, broadcasting `rhs`.
  public static func += (lhs: inout Tensor, rhs: Tensor) { lhs = lhs + rhs }
  /// Subtracts `rhs` from `lhs` in place, broadcasting `rhs`.
  public static func -= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs - rhs }
  /// Multiplies `lhs` by `rhs` in place, broadcasting `rhs`.
  public static func *= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs * rhs }
  /// Divides `lhs` by `rhs` in place, broadcasting `rhs`.
  public static func /= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs / rhs }
  /// Adds a number to every value in place.
  public static func += (lhs: inout Tensor, rhs: Float) { lhs = lhs + rhs }
  /// Subtracts a number from every value in place.
  public static func -= (lhs: inout Tensor, rhs: Float) { lhs = lhs - rhs }
  /// Multiplies every value by a number in place.
  public static func *= (lhs: inout Tensor, rhs: Float) { lhs = lhs * rhs }
  /// Divides every value by a number in place.
  public static func /= (lhs: inout Tensor, rhs: Float) { lhs = lhs / rhs }
}
