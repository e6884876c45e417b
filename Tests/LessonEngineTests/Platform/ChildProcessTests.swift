import Foundation
import Testing

@testable import LessonEngine

/// The shim on `/bin/sh`, which every Linux and macOS has.
@Suite struct ChildProcessTests {
  func shell(_ script: String, timeLimit: Duration = .seconds(30)) throws -> ChildProcess.Result {
    try ChildProcess(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script], timeLimit: timeLimit)
      .run()
  }

  @Test func reportsTheExitStatusAndBothStreams() throws {
    let result = try shell("echo out; echo err >&2; exit 3")
    #expect(result.termination == .exited(status: 3))
    #expect(result.standardOutput == "out\n")
    #expect(result.standardError == "err\n")
  }

  @Test func reportsTheSignalThatEndedTheProgram() throws {
    let result = try shell("kill -SEGV $$")
    #expect(result.termination == .signalled(signal: SIGSEGV))
    #expect(ChildProcess.name(ofSignal: SIGSEGV) == "SIGSEGV")
  }

  /// The shell starts a background job that would leave a file after a second: killing the
  /// process group at the limit stops it too, so the file never appears.
  @Test func aProgramPastItsTimeLimitIsKilledWithWhatItStarted() throws {
    let marker = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: marker) }
    let result = try shell("(sleep 1; touch '\(marker.path)') & sleep 30", timeLimit: .milliseconds(300))
    #expect(result.termination == .timedOut)
    Thread.sleep(forTimeInterval: 1.5)
    #expect(!FileManager.default.fileExists(atPath: marker.path))
  }

  @Test func onlyTheEndOfALongOutputIsKeptFromTheStartOfALine() throws {
    let result = try ChildProcess(
      executable: URL(fileURLWithPath: "/bin/sh"),
      arguments: ["-c", "i=0; while [ $i -lt 2000 ]; do echo line $i; i=$((i+1)); done"],
      timeLimit: .seconds(30), outputLimit: 100
    ).run()
    #expect(result.standardOutput.hasSuffix("line 1999\n"))
    #expect(result.standardOutput.hasPrefix("line "))
    #expect(result.standardOutput.utf8.count <= 100)
  }

  @Test func aProgramThatCannotStartIsAnError() {
    let missing = ChildProcess(
      executable: URL(fileURLWithPath: "/no-such-program"), arguments: [], timeLimit: .seconds(1))
    #expect(throws: ExerciseRunnerError.self) { try missing.run() }
  }
}
