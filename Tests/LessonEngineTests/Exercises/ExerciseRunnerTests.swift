import CNN
import Foundation
import LessonChecks
import LessonToolkit
import TerminalUI
import Testing

@testable import LessonEngine

/// Real compiles and runs of tiny exercises: each test writes a learner file and a check file,
/// and `ExerciseRunner` builds them with `swiftc` against the package's dynamic libraries.
@Suite struct ExerciseRunnerTests {
  /// The check file most tests share: two checks of `double(_:)`, with no imports and no
  /// `finishChecks()`, which the runner adds.
  let doubleChecks = """
    try check("double 3", double(3), equals: 6, hint: "multiply by 2; adding 2 only works for 2")
    try check("double 0", double(0), equals: 0)
    """

  func check(_ id: String, check: String, learner: String, runTimeLimit: Duration = .seconds(60)) throws
    -> ExerciseOutcome
  {
    let runner = try ExerciseTestSupport.runner(runTimeLimit: runTimeLimit)
    return try ExerciseTestSupport.withExercise(id, check: check, learner: learner) { try runner.check($0) }
  }

  func run(of outcome: ExerciseOutcome) throws -> ExerciseRun {
    guard case .ran(let run) = outcome else { throw ExpectedARun(outcome: outcome) }
    return run
  }

  @Test func aCorrectAnswerPassesEveryCheckInOrder() throws {
    let outcome = try check("double", check: doubleChecks, learner: "func double(_ x: Int) -> Int { x * 2 }\n")
    let run = try run(of: outcome)
    #expect(outcome.passed)
    #expect(run.ending == .exited(status: 0))
    #expect(run.reachedTheEnd)
    #expect(run.results.map(\.name) == ["double 3", "double 0"])
    #expect(
      run.results.map(\.file) == ["Lessons/exercises/double/check.swift", "Lessons/exercises/double/check.swift"])
    #expect(run.results.map(\.line) == [1, 2])
    #expect(CheckReport(outcome).lines(for: .plain()) == ["✓ double 3", "✓ double 0", "2 of 2 checks pass"])
  }

  @Test func aWrongAnswerShowsExpectedGotAndTheLikelyMistake() throws {
    let outcome = try check("double", check: doubleChecks, learner: "func double(_ x: Int) -> Int { x + 2 }\n")
    let run = try run(of: outcome)
    #expect(!outcome.passed)
    #expect(run.ending == .exited(status: 1))
    #expect(run.results.map(\.passed) == [false, false])
    #expect(run.results.first?.expected == "6")
    #expect(run.results.first?.got == "5")
    #expect(
      CheckReport(outcome).lines(for: .plain()) == [
        "✗ double 3 — expected 6, got 5",
        "  Likely mistake: multiply by 2; adding 2 only works for 2",
        "✗ double 0 — expected 0, got 2",
        "0 of 2 checks pass",
      ])
  }

  @Test func aProgramThatExitsBeforeItsLastCheckDoesNotPass() throws {
    let learner = "import Foundation\nfunc double(_ x: Int) -> Int { if x == 0 { exit(0) }; return x * 2 }\n"
    let outcome = try check("double", check: doubleChecks, learner: learner)
    let run = try run(of: outcome)
    #expect(run.ending == .exited(status: 0))
    #expect(run.results.map(\.passed) == [true])
    #expect(!run.reachedTheEnd)
    #expect(!outcome.passed)
  }

  @Test func aCompileErrorNamesTheLearnersFileAndLine() throws {
    let learner = """
      func double(_ x: Int) -> Int {
        let two: Int = "2"
        return x * two
      }
      """
    let outcome = try check("double", check: doubleChecks, learner: learner)
    guard case .didNotCompile(let failure) = outcome else {
      Issue.record("expected a compile failure, got \(outcome)")
      return
    }
    let error = try #require(failure.errors.first)
    #expect(error.file == ".lesson/exercises/double.swift")
    #expect(error.line == 2)
    #expect(!failure.output.contains(FileManager.default.temporaryDirectory.path))
    let lines = CheckReport(outcome).lines(for: .plain())
    #expect(lines.first?.hasPrefix(".lesson/exercises/double.swift:2: error: cannot convert value") == true)
  }

  @Test func anExerciseThatImportsImageCodecsSeesImagesButNotTheZlibCodecsTypes() throws {
    // ImageCodecs uses the ZlibCodecs module without re-exporting it, so a learner's
    // completions after `import ImageCodecs` hold no `Inflate` or `CRC32`.
    let learner = """
      import ImageCodecs
      func double(_ x: Int) -> Int {
        _ = Image.self
        _ = Inflate.self
        _ = Deflate.self
        _ = InflateError.self
        _ = CRC32.self
        _ = Adler32.self
        return x * 2
      }
      """
    let outcome = try check("double", check: doubleChecks, learner: learner)
    guard case .didNotCompile(let failure) = outcome else {
      Issue.record("expected a compile failure, got \(outcome)")
      return
    }
    #expect(
      failure.errors.map(\.description)
        == ["Inflate", "Deflate", "InflateError", "CRC32", "Adler32"].enumerated().map {
          ".lesson/exercises/double.swift:\($0.offset + 4): error: cannot find '\($0.element)' in scope"
        })
  }

  /// This check file also imports and finishes by itself, as a hand-compiled one would: the
  /// runner's additions must not get in its way.
  @Test func aCrashKeepsTheChecksBeforeItAndNamesTheSignalAndLine() throws {
    let check = """
      import LessonChecks
      try check("first", 1, equals: 1)
      try check("third element", third(of: [1]), equals: 3)
      finishChecks()
      """
    let learner = """
      func third(of values: [Int]) -> Int {
        values[2]
      }
      """
    let outcome = try self.check("third", check: check, learner: learner)
    let run = try run(of: outcome)
    guard case .crashed(_, let signalName) = run.ending else {
      Issue.record("expected a crash, got \(run.ending)")
      return
    }
    #expect(["SIGILL", "SIGTRAP"].contains(signalName))
    #expect(run.results.map(\.name) == ["first"])
    #expect(run.crash.fatalErrorMessage == "Index out of range")
    #expect(run.crash.location == ".lesson/exercises/third.swift:2")
    // Wide enough that the explanation stays on one line.
    let lines = CheckReport(outcome).lines(for: .plain(width: 200))
    #expect(
      lines.contains {
        $0.contains("crashed (\(signalName): a Swift runtime error such as an index out of range")
          && $0.hasSuffix(" at .lesson/exercises/third.swift:2.")
      })
    #expect(lines.contains { $0.contains("Fatal error: Index out of range") })
  }

  let throwingLearner = """
    struct NoLayers: Error, CustomStringConvertible {
      var description: String { "the model has no layers: add one" }
    }
    func double(_ x: Int) throws -> Int { throw NoLayers() }
    """

  @Test func anErrorInsideACheckFailsThatCheckWithItsMessage() throws {
    let check = """
      import LessonChecks
      try check("double 3", try double(3), equals: 6)
      try check("still runs", true)
      finishChecks()
      """
    let outcome = try self.check("double", check: check, learner: throwingLearner)
    #expect(
      CheckReport(outcome).lines(for: .plain()) == [
        "✗ double 3 — expected 6, got an error: the model has no layers: add one",
        "✓ still runs",
        "1 of 2 checks pass",
      ])
  }

  @Test func anErrorNothingCatchesIsShownWithItsMessage() throws {
    let check =
      "import LessonChecks\nlet six = try double(3)\ntry check(\"double 3\", six, equals: 6)\nfinishChecks()\n"
    let outcome = try self.check("double", check: check, learner: throwingLearner)
    let lines = CheckReport(outcome).lines(for: .plain())
    #expect(lines.contains("✗ The program stopped at an error that nothing caught:"))
    #expect(lines.contains("  the model has no layers: add one"))
  }

  @Test func anEndlessLoopIsStoppedAtTheTimeLimit() throws {
    let learner = "func double(_ x: Int) -> Int {\n  var n = x\n  while n >= 0 { n = (n &+ 1) % 1000 }\n  return n\n}\n"
    let outcome = try check("double", check: doubleChecks, learner: learner, runTimeLimit: .seconds(3))
    let run = try run(of: outcome)
    #expect(run.ending == .timedOut(limit: .seconds(3)))
    #expect(CheckReport(outcome).lines(for: .plain()).contains("✗ The program did not finish in 3 s: an endless loop?"))
  }

  /// 10 MB on standard output: more than any pipe holds, so a runner reading only at the end
  /// would wait for ever. It is under the 16 MiB kept, so none is dropped. The check file ends
  /// with its own `finishChecks()`, which must not get in the way of the runner's.
  @Test func tenMegabytesOfOutputDoNotBlockTheRunner() throws {
    let learner = """
      func double(_ x: Int) -> Int {
        let line = String(repeating: "x", count: 99)
        for _ in 0..<100_000 { print(line) }
        return x * 2
      }
      """
    let check = "import LessonChecks\ntry check(\"double 3\", double(3), equals: 6)\nfinishChecks()\n"
    let outcome = try self.check("double", check: check, learner: learner)
    let run = try run(of: outcome)
    #expect(outcome.passed)
    #expect(run.droppedOutput == nil)
    #expect(run.standardOutput.utf8.count == 100_000 * 100 + "✓ double 3\n1 of 1 check passes\n".utf8.count)
    #expect(run.standardOutput.hasSuffix("✓ double 3\n1 of 1 check passes\n"))
  }

  // MARK: - Pictures

  /// Exercise programs link the learner toolkit, so the learner's code can draw what it computes
  /// as lesson code does; the picture is drawn for a pipe, as the program's output is one.
  @Test func aPictureTheLearnersCodeShowsAppearsInTheProgramsOutput() throws {
    let learner = """
      import CNN
      import LessonToolkit
      import TerminalUI

      func drawFeatureMaps() -> Bool {
        show(ImageGrid(featureMaps: Tensor(shape: [4, 4, 2], scalars: (0..<32).map(Float.init))))
        return true
      }
      """
    let outcome = try check("draw", check: "try check(\"drew\", drawFeatureMaps())\n", learner: learner)
    let run = try run(of: outcome)
    #expect(outcome.passed)
    let pipe = TerminalCapabilities.detect(
      environment: ProcessInfo.processInfo.environment, isTerminal: false, terminalWidth: nil)
    let picture = ImageGrid(featureMaps: Tensor(shape: [4, 4, 2], scalars: (0..<32).map(Float.init))).lines(for: pipe)
    #expect(picture.contains { $0.contains("#1") })
    #expect(run.standardOutput == picture.map { $0 + "\n" }.joined() + "✓ drew\n1 of 1 check passes\n")
  }

  // MARK: - A pass means every check passed

  /// The learner's function records a check of its own and ends the program before the
  /// exercise's checks run.
  @Test func checkingSomethingElseAndFinishingEarlyIsNotAPass() throws {
    let learner = """
      import LessonChecks
      func double(_ x: Int) -> Int {
        try? check("x", 1, equals: 1)
        finishChecks()
      }
      """
    let outcome = try check("double", check: doubleChecks, learner: learner)
    let run = try run(of: outcome)
    #expect(run.ending == .exited(status: 0))
    #expect(!run.reachedTheEnd)
    #expect(run.checksNotRun == ["double 3", "double 0"])
    #expect(!outcome.passed)
    let lines = CheckReport(outcome).lines(for: .plain(width: 200))
    #expect(lines.contains("✗ double 3 — did not run"))
    #expect(lines.last == "1 of 3 checks pass (2 did not run)")
  }

  /// The learner's code records checks under the exercise's names itself: they come from the
  /// learner's file, not the check file, so the exercise's checks still did not run.
  @Test func recordingTheExpectedNamesFromTheLearnersFileIsNotAPass() throws {
    let learner = """
      import LessonChecks
      func double(_ x: Int) -> Int {
        try? check("double 3", true)
        try? check("double 0", true)
        finishChecks()
      }
      """
    let outcome = try check("double", check: doubleChecks, learner: learner)
    #expect(try run(of: outcome).checksNotRun == ["double 3", "double 0"])
    #expect(!outcome.passed)
  }

  /// The learner's code writes a report of passing checks, with the end line, and exits.
  @Test func writingTheReportFileIsNotAPass() throws {
    let learner = ##"""
      import Foundation
      func double(_ x: Int) -> Int {
        let path = ProcessInfo.processInfo.environment["LESSON_CHECK_REPORT"]!
        var report = ""
        for name in ["double 3", "double 0"] {
          report += #"{"file":"LearnerExercise/check.swift","line":1,"name":"\#(name)","passed":true}"# + "\n"
        }
        try! (report + "# end of checks\n").write(toFile: path, atomically: false, encoding: .utf8)
        exit(0)
      }
      """##
    let outcome = try check("double", check: doubleChecks, learner: learner)
    let run = try run(of: outcome)
    #expect(run.results.map(\.name) == ["double 3", "double 0"])
    #expect(!run.reachedTheEnd)
    #expect(!outcome.passed)
    #expect(CheckReport(outcome).lines(for: .plain(width: 200)).contains { $0.contains("ended before its last check") })
  }
}

/// A test expected the program to run, but it did not compile.
struct ExpectedARun: Error, CustomStringConvertible {
  let outcome: ExerciseOutcome
  var description: String { "expected the exercise to run, got \(outcome)" }
}
