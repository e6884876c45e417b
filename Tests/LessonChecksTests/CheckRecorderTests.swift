import Foundation
import Testing

@testable import LessonChecks

@Suite struct CheckRecorderTests {
  /// Lines handed to a recorder's printer, kept for checking.
  final class PrintedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
  }

  @Test func printsOneLinePerCheckInOrder() throws {
    let printed = PrintedLines()
    let recorder = CheckRecorder(printing: printed.append)
    try withRecorder(recorder) {
      try check("output shape", [31, 31, 16], equals: [30, 30, 16], hint: "a 3×3 kernel shrinks each side by 2")
      try check("parameters", 448, equals: 448)
    }
    #expect(
      printed.all == [
        "✗ output shape: expected [30, 30, 16], got [31, 31, 16] — a 3×3 kernel shrinks each side by 2",
        "✓ parameters",
      ])
  }

  @Test func summaryCountsPassingChecks() throws {
    let recorder = CheckRecorder(printing: nil)
    try withRecorder(recorder) { try check("one", true) }
    #expect(recorder.summary == "1 of 1 check passes")
    try withRecorder(recorder) {
      try check("two", false)
      try check("three", true)
    }
    #expect(recorder.summary == "2 of 3 checks pass")
    #expect(recorder.failureCount == 1)
  }

  @Test func checksOutsideWithRecorderGoToTheSharedRecorder() {
    #expect(CheckRecorder.current === CheckRecorder.shared)
    let recorder = CheckRecorder(printing: nil)
    withRecorder(recorder) { #expect(CheckRecorder.current === recorder) }
  }

  /// Many tasks check at once, each inside its own recorder, with suspension points between
  /// checks so that they interleave on the thread pool; each recorder sees only its own results.
  @Test func concurrentTasksKeepTheirOwnResults() async throws {
    let recorders = (0..<16).map { _ in CheckRecorder(printing: nil) }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, recorder) in recorders.enumerated() {
        group.addTask {
          try await withRecorder(recorder) {
            for step in 0..<20 {
              try check("task \(index)", step, equals: step)
              await Task.yield()
            }
          }
        }
      }
      try await group.waitForAll()
    }
    for (index, recorder) in recorders.enumerated() {
      #expect(recorder.results.count == 20)
      #expect(recorder.results.allSatisfy { $0.name == "task \(index)" })
    }
  }

  @Test func eachResultReachesTheReportFileAsSoonAsItIsRecorded() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("checks-\(UUID().uuidString).jsonl").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let recorder = CheckRecorder(reportPath: path, printing: nil)
    try withRecorder(recorder) { try check("first", 1, equals: 2, hint: "off by one") }
    #expect(try CheckReportFile.read(from: path) == recorder.results)
    try withRecorder(recorder) { try check("second", true) }
    #expect(try CheckReportFile.read(from: path).map(\.name) == ["first", "second"])
    #expect(try CheckReportFile.contents(ofFileAt: path).isComplete == false)
    recorder.closeReport()
    let finished = try CheckReportFile.contents(ofFileAt: path)
    #expect(finished.isComplete)
    #expect(finished.results.map(\.name) == ["first", "second"])
  }

  @Test func aReportThatCannotBeOpenedStillKeepsTheResults() throws {
    let recorder = CheckRecorder(reportPath: "/no-such-folder-\(UUID().uuidString)/report.jsonl", printing: nil)
    try withRecorder(recorder) { try check("kept", true) }
    #expect(recorder.results.map(\.name) == ["kept"])
  }
}
