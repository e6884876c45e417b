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

  /// The shell prints the id of a background `sleep 1000` and ends: the run does not wait for the
  /// sleep, and the sleep ends with the shell.
  @Test func aBackgroundProcessEndsWithTheProgram() throws {
    let result = try shell("sleep 1000 & echo $!")
    #expect(result.termination == .exited(status: 0))
    let sleeper = try #require(pid_t(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
    defer { kill(sleeper, SIGKILL) }
    #expect(ProcessProbe.endsSoon(sleeper))
  }

  /// A process that moved to a process group of its own (as Foundation's `Process` puts every
  /// child on Linux) is still in the program's session, and ends with it.
  @Test func aProcessInAGroupOfItsOwnEndsWithTheProgram() throws {
    let result = try shell("perl -e 'setpgrp(0, 0); sleep 1000' & echo $!")
    let sleeper = try #require(pid_t(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
    defer { kill(sleeper, SIGKILL) }
    #expect(ProcessProbe.endsSoon(sleeper))
  }

  /// A process that started a session of its own escapes (out of scope), but holding the output
  /// pipes open does not keep the run waiting: it ends, rather than at the time limit.
  @Test func aProcessThatLeftTheSessionDoesNotKeepTheRunWaiting() throws {
    let result = try shell("perl -MPOSIX -e 'POSIX::setsid(); sleep 1000' & echo $!", timeLimit: .seconds(20))
    let escaped = try #require(pid_t(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
    kill(escaped, SIGKILL)
    #expect(result.termination == .exited(status: 0))
  }

  /// 50 MB through a 1 MiB limit: all of it is read and counted, at most 1 MiB kept.
  @Test func outputPastTheLimitIsCountedAndDropped() throws {
    let result = try ChildProcess(
      executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "head -c 50000000 /dev/zero"],
      timeLimit: .seconds(60), outputLimit: 1 << 20
    ).run()
    #expect(result.termination == .exited(status: 0))
    #expect(result.printedByteCount == 50_000_000)
    #expect(result.droppedByteCount == 50_000_000 - (1 << 20))
    #expect(result.standardOutput.utf8.count <= 1 << 20)
  }

  @Test func theProgramRunsInTheGivenFolderWithTheGivenVariables() throws {
    let folder = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
    let result = try ChildProcess(
      executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "pwd; echo $LESSON_TEST_VALUE"],
      extraEnvironment: ["LESSON_TEST_VALUE": "42"], workingDirectory: folder, timeLimit: .seconds(30)
    ).run()
    #expect(result.standardOutput == folder.path + "\n42\n")
  }

  @Test func aProgramThatCannotStartIsAnError() {
    let missing = ChildProcess(
      executable: URL(fileURLWithPath: "/no-such-program"), arguments: [], timeLimit: .seconds(1))
    #expect(throws: ExerciseRunnerError.self) { try missing.run() }
  }
}
