import Testing

@testable import LessonChecks

@Suite struct CheckTests {
  /// Runs `body` with a fresh silent recorder and returns what it recorded.
  func recorded(_ body: () throws -> Void) rethrows -> [CheckResult] {
    let recorder = CheckRecorder(printing: nil)
    try withRecorder(recorder, operation: body)
    return recorder.results
  }

  @Test func equalsShowsShapesAsArraysAndKeepsTheHint() throws {
    let results = try recorded {
      try check("output shape", [31, 31, 16], equals: [30, 30, 16], hint: "a 3×3 kernel shrinks each side by 2")
    }
    #expect(results.count == 1)
    let result = try #require(results.first)
    #expect(!result.passed)
    #expect(result.expected == "[30, 30, 16]")
    #expect(result.got == "[31, 31, 16]")
    #expect(result.hint == "a 3×3 kernel shrinks each side by 2")
  }

  @Test func equalValuesPass() throws {
    let results = try recorded { try check("parameters", 448, equals: 448) }
    #expect(results.map(\.passed) == [true])
  }

  @Test func aFailingCheckDoesNotStopTheChecksAfterIt() throws {
    let results = try recorded {
      try check("first", 1, equals: 2)
      try check("second", true)
      try check("third", "a", equals: "b")
    }
    #expect(results.map(\.name) == ["first", "second", "third"])
    #expect(results.map(\.passed) == [false, true, false])
  }

  @Test func textIsQuotedSoEmptyTextCanBeSeen() throws {
    let results = try recorded { try check("label", "", equals: "cat") }
    #expect(results.first?.expected == "\"cat\"")
    #expect(results.first?.got == "\"\"")
  }

  @Test func nearPassesWithinTheToleranceInclusive() throws {
    let results = try recorded {
      try check("exact", 0.5, near: 0.5, tolerance: 0)
      try check("at the edge", 0.75, near: 0.5, tolerance: 0.25)
      try check("too far", 0.53, near: 0.5, tolerance: 0.01)
    }
    #expect(results.map(\.passed) == [true, true, false])
    #expect(results.last?.expected == "0.5 ± 0.01")
    #expect(results.last?.got == "0.53")
  }

  @Test func nanAndInfinityNeverPassANearCheck() throws {
    let results = try recorded {
      try check("nan", Double.nan, near: 0, tolerance: .infinity)
      try check("infinity", Double.infinity, near: 0, tolerance: .infinity)
    }
    #expect(results.map(\.passed) == [false, false])
    #expect(results.first?.got == "nan")
  }

  @Test func nearAcceptsFloatsAndWholeNumbers() throws {
    let results = try recorded {
      try check("float", Float(0.25), near: 0.25, tolerance: 0.001)
      try check("count", 198, near: 200, tolerance: 5)
      try check("count too far", 190, near: 200, tolerance: 5)
    }
    #expect(results.map(\.passed) == [true, true, false])
    #expect(results.map(\.got) == ["0.25", "198", "190"])
  }

  @Test func aConditionShowsNoExpectedOrGot() throws {
    let results = try recorded { try check("sums to 1", false, hint: "use softmax") }
    let result = try #require(results.first)
    #expect(!result.passed)
    #expect(result.expected == nil && result.got == nil)
    #expect(result.description == "✗ sums to 1 — use softmax")
  }

  /// An error from the learner's code, worded for the learner as CNN's errors are.
  struct ShapeError: Error, CustomStringConvertible {
    var description: String { "Conv2D expects rank 4 but received [32, 28, 28]" }
  }

  func failingShape() throws -> [Int] { throw ShapeError() }

  @Test func anErrorComputingTheValueFailsOnlyThatCheck() throws {
    let results = try recorded {
      try check("output shape", try failingShape(), equals: [30, 30, 16], hint: "add a channel axis")
      try check("mean", Double(try failingShape().count), near: 0.5, tolerance: 0.1)
      try check("shape is known", try failingShape().isEmpty == false)
      try check("still runs", true)
    }
    #expect(results.map(\.passed) == [false, false, false, true])
    #expect(results[0].expected == "[30, 30, 16]")
    #expect(results[0].got == "an error: Conv2D expects rank 4 but received [32, 28, 28]")
    #expect(results[1].got == results[0].got)
    #expect(
      results[2].description
        == "✗ shape is known: expected true, got an error: Conv2D expects rank 4 but received [32, 28, 28]")
  }

  @Test func recordsTheFileAndLineOfTheCheck() throws {
    let line = #line + 1
    let results = try recorded { try check("here", 1, equals: 1) }
    #expect(results.first?.file == "LessonChecksTests/CheckTests.swift")
    #expect(results.first?.line == line)
  }
}
