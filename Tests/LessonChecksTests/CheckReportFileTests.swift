import Foundation
import Testing

@testable import LessonChecks

@Suite struct CheckReportFileTests {
  let results = [
    CheckResult(
      name: "output shape", passed: false, expected: "[30, 30, 16]", got: "[31, 31, 16]",
      hint: "a 3×3 kernel shrinks \"each\" side by 2\nnot 1", file: "Exercise/main.swift", line: 4),
    CheckResult(name: "sums to 1", passed: true, file: "Exercise/main.swift", line: 5),
  ]

  @Test func resultsSurviveARoundTripThroughTheFile() throws {
    let data = results.compactMap(CheckReportFile.line(for:)).reduce(Data(), +)
    #expect(try CheckReportFile.results(in: data, path: "report.jsonl") == results)
  }

  @Test func eachResultIsOneLine() throws {
    let line = try #require(CheckReportFile.line(for: results[0]))
    #expect(line.filter { $0 == UInt8(ascii: "\n") }.count == 1)
    #expect(line.last == UInt8(ascii: "\n"))
  }

  @Test func blankLinesAreSkipped() throws {
    let data = Data("\n".utf8) + CheckReportFile.line(for: results[1])! + Data("\n  \n".utf8)
    #expect(try CheckReportFile.results(in: data, path: "report.jsonl") == [results[1]])
  }

  @Test func aLineThatIsNotAResultIsReportedWithItsNumber() throws {
    let data = CheckReportFile.line(for: results[1])! + Data("{\"name\":\"cut short\"\n".utf8)
    let error = #expect(throws: CheckReportError.self) {
      try CheckReportFile.results(in: data, path: "report.jsonl")
    }
    #expect(error == .malformedLine(path: "report.jsonl", line: 2, text: "{\"name\":\"cut short\""))
    #expect(error?.description.hasPrefix("Line 2 of the check report report.jsonl is not a check result") == true)
  }

  /// `finishChecks(runToken:)` ends the report with the token after the end line; a plain
  /// `finishChecks()` ends it without one, which `lesson check` does not take for its own end.
  @Test func theRunTokenAfterTheEndLineIsReadBack() throws {
    for token in ["3F2A-token", nil] {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("checks-\(UUID().uuidString)").path
      defer { try? FileManager.default.removeItem(atPath: path) }
      let recorder = CheckRecorder(reportPath: path, printing: nil)
      recorder.record(results[1])
      recorder.closeReport(runToken: token)
      let contents = try CheckReportFile.contents(ofFileAt: path)
      #expect(contents.isComplete)
      #expect(contents.runToken == token)
      #expect(contents.results == [results[1]])
    }
  }

  @Test func aMissingFileIsUnreadable() throws {
    let path = "/no-such-folder-\(UUID().uuidString)/report.jsonl"
    let error = #expect(throws: CheckReportError.self) { try CheckReportFile.read(from: path) }
    guard case .unreadable(let errorPath, _) = error else {
      Issue.record("expected .unreadable, got \(String(describing: error))")
      return
    }
    #expect(errorPath == path)
  }
}
