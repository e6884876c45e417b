import CNN
import Testing

@testable import LessonChecks

@Suite struct TensorCheckTests {
  func recorded(_ body: () throws -> Void) rethrows -> [CheckResult] {
    let recorder = CheckRecorder(printing: nil)
    try withRecorder(recorder, operation: body)
    return recorder.results
  }

  @Test func aWrongShapeIsNamedBeforeAnyValue() throws {
    let batch = Tensor(shape: [2, 3], scalars: [0, 1, 0, 1, 0, 0])
    let result = try #require(
      try recorded { try check("classes", batch, near: Tensor([1, 0, 0]), tolerance: 0) }.first)
    #expect(!result.passed)
    #expect(result.expected == "shape [3]")
    #expect(result.got == "shape [2, 3]")
  }

  @Test func theFirstValueOutOfToleranceIsLocated() throws {
    let expected = Tensor(shape: [2, 2], scalars: [0.25, 0.75, 0.5, 0.5])
    let close = Tensor(shape: [2, 2], scalars: [0.2501, 0.7499, 0.5, 0.5])
    let off = Tensor(shape: [2, 2], scalars: [0.25, 0.75, 0.9, 0.5])
    let results = try recorded {
      try check("close", close, near: expected, tolerance: 0.001)
      try check("off", off, near: expected, tolerance: 0.001)
    }
    #expect(results.map(\.passed) == [true, false])
    #expect(results[1].expected == "0.5 ± 0.001 at [1, 0]")
    #expect(results[1].got == "0.9 at [1, 0]")
  }

  @Test func notANumberNeverPasses() throws {
    let results = try recorded { try check("nan", Tensor([.nan]), near: Tensor([.nan]), tolerance: 1) }
    #expect(results.map(\.passed) == [false])
  }
}
