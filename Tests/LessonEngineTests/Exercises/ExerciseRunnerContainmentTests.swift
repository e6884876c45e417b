import Foundation
import Testing

@testable import LessonEngine

/// Learner programs that do what a learner's code should not: start processes that outlive them,
/// ask for too much memory or processor time, print without end, or get interrupted with Ctrl-C.
/// Each runs for real, as in `ExerciseRunnerTests`.
@Suite struct ExerciseRunnerContainmentTests {
  let doubleCheck = "try check(\"double 3\", double(3), equals: 6)\n"

  func check(_ learner: String, runTimeLimit: Duration = .seconds(60), limits: RunLimits? = nil) throws
    -> ExerciseOutcome
  {
    var runner = try ExerciseTestSupport.runner(runTimeLimit: runTimeLimit)
    if let limits { runner.limits = limits }
    return try ExerciseTestSupport.withExercise("double", check: doubleCheck, learner: learner) { try runner.check($0) }
  }

  /// A learner's function that starts `/bin/sleep 1000` with Foundation's `Process` (which puts
  /// it in a process group of its own on Linux), writes its id to `marker`, then runs `rest`.
  func learnerStartingSleep(marker: String, then rest: String = "") -> String {
    """
    import Foundation
    func double(_ x: Int) -> Int {
      let sleeper = Process()
      sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
      sleeper.arguments = ["1000"]
      try! sleeper.run()
      try! "\\(sleeper.processIdentifier)".write(toFile: "\(marker)", atomically: true, encoding: .utf8)
      \(rest)
      return x * 2
    }
    """
  }

  @Test func aProcessTheLearnersCodeStartedEndsWithTheCheck() throws {
    let marker = FileManager.default.temporaryDirectory.appendingPathComponent("sleeper-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: marker) }
    let outcome = try check(learnerStartingSleep(marker: marker))
    #expect(outcome.passed)
    let sleeper = try #require(pid_t(try String(contentsOfFile: marker, encoding: .utf8)))
    defer { kill(sleeper, SIGKILL) }
    #expect(ProcessProbe.endsSoon(sleeper))
  }

  @Test func aProcessTheLearnersCodeStartedEndsAtTheTimeLimit() throws {
    let marker = FileManager.default.temporaryDirectory.appendingPathComponent("sleeper-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: marker) }
    let outcome = try check(
      learnerStartingSleep(marker: marker, then: "while true { usleep(1000) }"), runTimeLimit: .seconds(5))
    guard case .ran(let run) = outcome else { throw ExpectedARun(outcome: outcome) }
    #expect(run.ending == .timedOut(limit: .seconds(5)))
    let sleeper = try #require(pid_t(try String(contentsOfFile: marker, encoding: .utf8)))
    defer { kill(sleeper, SIGKILL) }
    #expect(ProcessProbe.endsSoon(sleeper))
  }

  /// Linux only: macOS does not enforce the memory limit, so there the program would really fill
  /// 10 GiB of a learner's laptop.
  @Test(.enabled(if: RunLimits.memoryLimitIsEnforced, "this system does not enforce the memory limit"))
  func tenGibibytesAreStoppedAtTheMemoryLimitAndSaidSo() throws {
    let learner = """
      func double(_ x: Int) -> Int {
        var huge = [UInt8](repeating: 1, count: 10 << 30)
        huge[x] = 2
        return x * 2 + Int(huge[0]) - 1
      }
      """
    let limits = RunLimits(memoryBytes: 4 << 30, processorTime: .seconds(60), outputBytes: 1 << 20)
    let outcome = try check(learner, limits: limits)
    guard case .ran(let run) = outcome else { throw ExpectedARun(outcome: outcome) }
    #expect(run.ending == .exceededMemory(limit: 4 << 30))
    let lines = CheckReport(outcome).lines(for: .plain(width: 200))
    #expect(lines.contains { $0.contains("Your program used more than 4 GiB of memory and was stopped.") })
    #expect(!outcome.passed)
  }

  @Test func anEndlessLoopIsStoppedAtTheProcessorTimeLimitAndSaidSo() throws {
    let learner = "func double(_ x: Int) -> Int {\n  var n = x\n  while n >= 0 { n = (n &+ 1) % 1000 }\n  return n\n}\n"
    let limits = RunLimits(memoryBytes: 4 << 30, processorTime: .seconds(1), outputBytes: 1 << 20)
    let outcome = try check(learner, limits: limits)
    guard case .ran(let run) = outcome else { throw ExpectedARun(outcome: outcome) }
    #expect(run.ending == .exceededProcessorTime(limit: .seconds(1)))
    let lines = CheckReport(outcome).lines(for: .plain(width: 200))
    #expect(lines.contains { $0.contains("Your program used more than 1 s of processor time and was stopped") })
  }

  /// The program prints 100 MiB; only the last 64 KiB are kept, and the report says so.
  @Test func outputPastTheLimitIsDroppedWithANote() throws {
    let learner = """
      func double(_ x: Int) -> Int {
        let line = String(repeating: "x", count: 1023)
        for _ in 0..<(100 << 10) { print(line) }
        return x * 2
      }
      """
    let limits = RunLimits(memoryBytes: 4 << 30, processorTime: .seconds(60), outputBytes: 64 << 10)
    let outcome = try check(learner, limits: limits)
    guard case .ran(let run) = outcome else { throw ExpectedARun(outcome: outcome) }
    #expect(outcome.passed)
    #expect(run.standardOutput.utf8.count <= 64 << 10)
    #expect(run.standardOutput.hasSuffix("✓ double 3\n1 of 1 check passes\n"))
    #expect(run.droppedOutput?.printedBytes ?? 0 >= 100 << 20)
    let lines = CheckReport(outcome).lines(for: .plain(width: 200))
    #expect(lines.contains { $0.contains("Your program printed over 100 MiB; only the last 64 KiB of it were kept.") })
  }

  /// Ctrl-C (SIGINT), a closed terminal (SIGHUP) and `kill` (SIGTERM) while the learner's endless
  /// loop runs: in a child process, since the signal ends the process that gets it. The loop
  /// writes its process id to a file first; afterwards it must be gone, and so must the check's
  /// temporary folder.
  @Test(arguments: [SIGINT, SIGHUP, SIGTERM])
  func aSignalToTheLessonEndsTheLearnersProgramAndRemovesTheTemporaryFolder(_ signalNumber: Int32) async throws {
    let folder = ProcessProbe.interruptTestFolder(parent: getpid(), signal: signalNumber)
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    await #expect(processExitsWith: .signal(signalNumber)) { [signalNumber] in
      let folder = ProcessProbe.interruptTestFolder(parent: getppid(), signal: signalNumber)
      setenv("TMPDIR", folder, 1)
      let marker = folder + "/learner-pid"
      let learner = """
        import Foundation
        func double(_ x: Int) -> Int {
          try! "\\(getpid())".write(toFile: "\(marker)", atomically: true, encoding: .utf8)
          var n = x
          while n >= 0 { n = (n &+ 1) % 1000 }
          return n
        }
        """
      Thread.detachNewThread {
        while !FileManager.default.fileExists(atPath: marker) { usleep(10_000) }
        kill(getpid(), signalNumber)
      }
      let runner = try ExerciseTestSupport.runner(runTimeLimit: .seconds(60))
      let check = "try check(\"double 3\", double(3), equals: 6)\n"
      _ = try? ExerciseTestSupport.withExercise("double", check: check, learner: learner) { try runner.check($0) }
      exit(0)
    }
    let learner = try #require(pid_t(try String(contentsOfFile: folder + "/learner-pid", encoding: .utf8)))
    defer { kill(learner, SIGKILL) }
    #expect(ProcessProbe.endsSoon(learner))
    let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("lesson-check-") }
    #expect(left.isEmpty)
  }
}
