import LessonChecks
import TerminalUI
import Testing

@testable import LessonEngine

/// The report's words for every way an exercise can end, in plain text.
@Suite struct CheckReportTests {
  func result(_ name: String, _ passed: Bool, expected: String? = nil, got: String? = nil, hint: String? = nil)
    -> CheckResult
  {
    CheckResult(
      name: name, passed: passed, expected: expected, got: got, hint: hint,
      file: "Lessons/exercises/conv/check.swift", line: 2)
  }

  func lines(_ results: [CheckResult], ending: ProgramEnding, standardError: String = "") -> [String] {
    let finished = if case .exited = ending { true } else { false }
    let run = ExerciseRun(
      results: results, reachedTheEnd: finished, ending: ending, standardOutput: "", standardError: standardError,
      reportProblem: nil,
      compileDuration: .seconds(1), runDuration: .seconds(1))
    return CheckReport(.ran(run)).lines(for: .plain())
  }

  @Test func theHintShowsUnderTheFirstFailureOnly() {
    let results = [
      result("output shape", true),
      result("parameters", false, expected: "448", got: "432", hint: "count the bias too, one per filter"),
      result("activation", false, expected: "relu", got: "linear", hint: "pass activation: .relu"),
      result("sums to 1", false, hint: "use softmax"),
    ]
    #expect(
      lines(results, ending: .exited(status: 1)) == [
        "✓ output shape",
        "✗ parameters — expected 448, got 432",
        "  Likely mistake: count the bias too, one per filter",
        "✗ activation — expected relu, got linear",
        "✗ sums to 1",
        "1 of 4 checks pass",
      ])
  }

  @Test func aCrashSaysWhichSignalWhereAndWhatSwiftSaid() {
    let standardError = """
      Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
      *** Signal 4: Backtracing from 0x7f4a2dd6df7f... done ***
        3 [ra] 0x00005634da133f2e third(of:) + 77 in exercise at .lesson/exercises/conv.swift:7:11
      """
    #expect(
      lines(
        [result("output shape", true)], ending: .crashed(signal: 4, signalName: "SIGILL"), standardError: standardError)
        == [
          "✓ output shape",
          "✗ The program crashed (SIGILL: a Swift runtime error such as an index out of",
          "  range or a force-unwrapped nil) at .lesson/exercises/conv.swift:7.",
          "  Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range",
          "1 of 1 check passes (the program stopped before the end)",
        ])
  }

  @Test func aTimeOutAsksAboutAnEndlessLoop() {
    #expect(
      lines([], ending: .timedOut(limit: .seconds(60))) == [
        "✗ The program did not finish in 60 s: an endless loop?",
        "No check ran.",
      ])
  }

  @Test func compileErrorsComeAsFileLineErrorMessage() {
    let failure = CompileFailure(
      diagnostics: [
        CompilerDiagnostic(file: ".lesson/exercises/conv.swift", line: 3, column: 9, severity: .error, message: "oops"),
        CompilerDiagnostic(
          file: ".lesson/exercises/conv.swift", line: 5, column: 1, severity: .warning, message: "hmm"),
      ], output: "", timeLimit: nil, duration: .seconds(1))
    #expect(
      CheckReport(.didNotCompile(failure)).lines(for: .plain()) == [
        ".lesson/exercises/conv.swift:3: error: oops",
        "The code does not compile (1 error): fix the first one above, then check again.",
      ])
  }

  @Test func aCompilerFailureWithoutParsedErrorsShowsItsLastLines() {
    let failure = CompileFailure(
      diagnostics: [], output: "linking…\nclang: fatal: no space left on device\n", timeLimit: nil,
      duration: .seconds(1))
    #expect(CheckReport(.didNotCompile(failure)).lines(for: .plain()).contains("clang: fatal: no space left on device"))
  }

  @Test func allPassingIsASuccessAndIsColouredSo() {
    let run = ExerciseRun(
      results: [result("a", true)], reachedTheEnd: true, ending: .exited(status: 0), standardOutput: "",
      standardError: "",
      reportProblem: nil, compileDuration: .zero, runDuration: .zero)
    let report = CheckReport(.ran(run))
    #expect(report.view.isSuccess)
    let coloured = report.lines(for: TerminalCapabilities(isTerminal: true, colors: .trueColor, width: 80))
    #expect(coloured.last?.contains("\u{1B}[") == true)
  }

  @Test func aProgramWithNoChecksIsNotASuccess() {
    let run = ExerciseRun(
      results: [], reachedTheEnd: true, ending: .exited(status: 0), standardOutput: "", standardError: "",
      reportProblem: nil,
      compileDuration: .zero, runDuration: .zero)
    #expect(!ExerciseOutcome.ran(run).passed)
    #expect(CheckReport(.ran(run)).lines(for: .plain()) == ["No check ran."])
  }

  @Test func leavingBeforeTheLastCheckIsNotASuccess() {
    let run = ExerciseRun(
      results: [result("a", true)], reachedTheEnd: false, ending: .exited(status: 0), standardOutput: "",
      standardError: "", reportProblem: nil, compileDuration: .zero, runDuration: .zero)
    #expect(!ExerciseOutcome.ran(run).passed)
    let lines = CheckReport(.ran(run)).lines(for: .plain(width: 200))
    #expect(
      lines.contains {
        $0.contains("The program ended before its last check: does your code call exit() or finishChecks()?")
      })
  }

  func run(_ results: [CheckResult], ending: ProgramEnding) -> ExerciseRun {
    ExerciseRun(
      results: results, reachedTheEnd: false, ending: ending, standardOutput: "", standardError: "",
      reportProblem: nil, compileDuration: .zero, runDuration: .zero)
  }

  @Test func checksThatDidNotRunAreListedAndCountedAsNotPassing() {
    var run = run([result("x", true)], ending: .exited(status: 0))
    run.reachedTheEnd = true
    run.checksNotRun = ["output shape", "parameters"]
    #expect(!ExerciseOutcome.ran(run).passed)
    #expect(
      CheckReport(.ran(run)).lines(for: .plain()) == [
        "✓ x",
        "✗ output shape — did not run",
        "✗ parameters — did not run",
        "1 of 3 checks pass (2 did not run)",
      ])
  }

  @Test func theMemoryLimitIsNamedWithWhatToDo() {
    let lines = CheckReport(.ran(run([result("a", true)], ending: .exceededMemory(limit: 4 << 30)))).lines(
      for: .plain(width: 200))
    #expect(
      lines == [
        "✓ a",
        "✗ Your program used more than 4 GiB of memory and was stopped. The exercises need far less: look for an "
          + "array that grows without end, or a size computed wrongly (a product of image sizes, say).",
        "1 of 1 check passes (the program stopped before the end)",
      ])
  }

  @Test func theProcessorTimeLimitIsNamedWithWhatToDo() {
    let lines = CheckReport(.ran(run([], ending: .exceededProcessorTime(limit: .seconds(120))))).lines(
      for: .plain(width: 200))
    #expect(
      lines == [
        "✗ Your program used more than 120 s of processor time and was stopped: an endless loop, or a process it "
          + "started that keeps running?",
        "No check ran.",
      ])
  }

  @Test func droppedOutputIsNotedUnderTheProblemThatEndedTheProgram() {
    var run = run([], ending: .timedOut(limit: .seconds(60)))
    run.droppedOutput = DroppedOutput(printedBytes: 3 << 30 + 5, keptBytes: 16 << 20)
    #expect(
      CheckReport(.ran(run)).lines(for: .plain(width: 200)) == [
        "✗ The program did not finish in 60 s: an endless loop?",
        "  Your program printed over 3 GiB; only the last 16 MiB of it were kept. Printing in a loop slows a program "
          + "down: print less, or only once after the loop.",
        "No check ran.",
      ])
  }

  @Test(arguments: [(4 << 30, "4 GiB"), (16 << 20, "16 MiB"), (1536, "1 KiB"), (1, "1 byte"), (12, "12 bytes")])
  func sizesAreWrittenInWholeBinaryUnits(_ bytes: Int, _ text: String) {
    #expect(CheckReport.size(bytes) == text)
  }
}
