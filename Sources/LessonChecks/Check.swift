// The functions an exercise's checks call. Each one records a `CheckResult` in the current
// `CheckRecorder` (see `CheckRecorder.current`) and returns; a failing check does not stop the
// checks after it, so the learner sees every result, in order.
//
// The value checked is an autoclosure, so an error the learner's code throws while computing it
// (a CNN `LayerError` for a wrong shape, say) fails that check, with the error's message as what
// was got, and the checks after it still run.
//
// They are declared `throws` although none throws today: call sites are written `try check(…)`
// from the start, so that a check that must end an exercise (for example a wrong shape that makes
// every later check meaningless) can be added later without changing any exercise.

/// Checks that `got` equals `expected`, and records the result under `name`.
///
///     try check("output shape", try conv.outputShape(for: [32, 32, 3]), equals: [30, 30, 16],
///               hint: "a 3×3 kernel shrinks each side by 2 with .valid padding")
///
/// - Parameters:
///   - name: what is checked, as the learner reads it.
///   - got: the value the learner's code produced.
///   - expected: the right value.
///   - hint: the likely mistake, shown when the check fails.
/// - Throws: nothing yet (see the note at the top of this file).
public func check<Value: Equatable>(
  _ name: String, _ got: @autoclosure () throws -> Value, equals expected: Value, hint: String? = nil,
  file: String = #fileID, line: Int = #line
) throws {
  let result: CheckResult
  do {
    let value = try got()
    result = CheckResult(
      name: name, passed: value == expected, expected: ValueDescription.text(expected),
      got: ValueDescription.text(value), hint: hint, file: file, line: line)
  } catch {
    result = CheckResult(
      name: name, passed: false, expected: ValueDescription.text(expected), got: ValueDescription.thrown(error),
      hint: hint, file: file, line: line)
  }
  CheckRecorder.current.record(result)
}

/// Checks that `got` is within `tolerance` of `expected` (inclusive), and records the result
/// under `name`. NaN and infinities never pass.
///
///     try check("mean pixel", mean, near: 0.47, tolerance: 0.01, hint: "divide by 255, not 256")
///
/// - Parameters:
///   - name: what is checked, as the learner reads it.
///   - got: the number the learner's code produced (`Double`, `Float`, …).
///   - expected: the right value.
///   - tolerance: the largest difference that still passes, at least 0.
///   - hint: the likely mistake, shown when the check fails.
/// - Throws: nothing yet (see the note at the top of this file).
public func check<Value: BinaryFloatingPoint>(
  _ name: String, _ got: @autoclosure () throws -> Value, near expected: Double, tolerance: Double,
  hint: String? = nil, file: String = #fileID, line: Int = #line
) throws {
  recordNear(
    name, Result { try got() }.map { (Double($0), ValueDescription.text($0)) }, expected, tolerance, hint, file, line)
}

/// Checks that the whole number `got` is within `tolerance` of `expected` (inclusive), and records
/// the result under `name`: for counts that may vary a little, such as images per class.
///
/// - Throws: nothing yet (see the note at the top of this file).
public func check<Value: BinaryInteger>(
  _ name: String, _ got: @autoclosure () throws -> Value, near expected: Double, tolerance: Double,
  hint: String? = nil, file: String = #fileID, line: Int = #line
) throws {
  recordNear(
    name, Result { try got() }.map { (Double($0), ValueDescription.text($0)) }, expected, tolerance, hint, file, line)
}

/// Checks that `condition` holds, and records the result under `name`. A failure shows no
/// expected or got values, so name the property (`"probabilities sum to 1"`) and give a hint.
///
///     try check("every value in 0...1", pixels.allSatisfy { (0...1).contains($0) },
///               hint: "pixel values still go up to 255: divide by 255")
///
/// - Throws: nothing yet (see the note at the top of this file).
public func check(
  _ name: String, _ condition: @autoclosure () throws -> Bool, hint: String? = nil, file: String = #fileID,
  line: Int = #line
) throws {
  let result: CheckResult
  do {
    result = CheckResult(name: name, passed: try condition(), hint: hint, file: file, line: line)
  } catch {
    result = CheckResult(
      name: name, passed: false, expected: "true", got: ValueDescription.thrown(error), hint: hint, file: file,
      line: line)
  }
  CheckRecorder.current.record(result)
}

/// Records a near-check of `got` (the number and its text, or the error computing it threw): the
/// shared part of the floating-point and whole-number versions.
private func recordNear(
  _ name: String, _ got: Result<(Double, String), any Error>, _ expected: Double, _ tolerance: Double,
  _ hint: String?, _ file: String, _ line: Int
) {
  precondition(tolerance >= 0, "check \"\(name)\": the tolerance is \(tolerance); it must be 0 or more.")
  let passed: Bool
  let text: String
  switch got {
  case .success(let (value, description)):
    passed = value.isFinite && abs(value - expected) <= tolerance
    text = description
  case .failure(let error):
    passed = false
    text = ValueDescription.thrown(error)
  }
  CheckRecorder.current.record(
    CheckResult(
      name: name, passed: passed, expected: ValueDescription.approximately(expected, tolerance: tolerance),
      got: text, hint: hint, file: file, line: line))
}
