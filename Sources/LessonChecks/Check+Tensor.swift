import CNN

/// Checks that the tensor `got` has `expected`'s shape and every value within `tolerance` of
/// `expected`'s, and records the result under `name`. A failure names what differs first: the
/// shape (`expected shape [10], got shape [32, 10]`), or else the first value that is too far off
/// and where it is.
///
///     try check("probabilities", model.predict(batch), near: expected, tolerance: 1e-5,
///               hint: "did you take the softmax along the class axis?")
///
/// - Throws: nothing yet (see the note at the top of `Check.swift`).
public func check(
  _ name: String, _ got: @autoclosure () throws -> Tensor, near expected: Tensor, tolerance: Float,
  hint: String? = nil, file: String = #fileID, line: Int = #line
) throws {
  precondition(tolerance >= 0, "check \"\(name)\": the tolerance is \(tolerance); it must be 0 or more.")
  let result: CheckResult
  do {
    let (passed, expectedText, gotText) = TensorComparison.compare(try got(), expected, tolerance: tolerance)
    result = CheckResult(
      name: name, passed: passed, expected: expectedText, got: gotText, hint: hint, file: file, line: line)
  } catch {
    result = CheckResult(
      name: name, passed: false, expected: "shape \(expected.shape)", got: ValueDescription.thrown(error), hint: hint,
      file: file, line: line)
  }
  CheckRecorder.current.record(result)
}

/// Compares two tensors for a check and words the first difference.
enum TensorComparison {
  /// Whether `got` matches `expected` within `tolerance`, and the expected and got texts a
  /// result shows: the shapes when they differ, otherwise the first value out of tolerance.
  static func compare(_ got: Tensor, _ expected: Tensor, tolerance: Float) -> (Bool, String, String) {
    guard got.shape == expected.shape else {
      return (false, "shape \(expected.shape)", "shape \(got.shape)")
    }
    for index in got.scalars.indices {
      let value = got.scalars[index]
      let wanted = expected.scalars[index]
      guard value.isFinite, Swift.abs(value - wanted) <= tolerance else {
        let position = Self.position(of: index, in: got.shape)
        return (false, "\(wanted) ± \(tolerance) at \(position)", "\(value) at \(position)")
      }
    }
    return (true, "shape \(expected.shape), values ± \(tolerance)", "shape \(got.shape), values within tolerance")
  }

  /// The multi-dimensional index, `[2, 0, 1]`, of the value at `offset` in a tensor of `shape`.
  static func position(of offset: Int, in shape: [Int]) -> [Int] {
    var rest = offset
    var position = Array(repeating: 0, count: shape.count)
    for axis in shape.indices.reversed() {
      position[axis] = rest % shape[axis]
      rest /= shape[axis]
    }
    return position
  }
}
