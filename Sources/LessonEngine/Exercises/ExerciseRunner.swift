import Foundation
import LessonChecks

/// Checks a learner's answer to a code exercise, as `lesson check ID` does: compiles the
/// learner's file alone with the exercise's `check.swift` against the built `CNN`, `LessonChecks`
/// and `LessonToolkit` libraries, runs the program in a child process with a time limit, and
/// reads back every check it recorded.
///
///     let runner = ExerciseRunner(buildFolder: folder)
///     let outcome = try runner.check(ExerciseFiles(exercise: "build-model", projectRoot: root))
///     CheckReport(outcome).lines(for: .standardOutput).forEach { print($0) }
///
/// Whatever the learner's program does (not compile, crash, loop for ever, print without end)
/// comes back as an `ExerciseOutcome`; only a problem with the set-up (a missing file, no
/// compiler, libraries not built) throws. It blocks the calling thread until the program ends.
public struct ExerciseRunner: Sendable {
  /// Where the libraries and modules are (see `ExerciseBuildFolder`).
  public var buildFolder: ExerciseBuildFolder
  /// How long the compiler may take; the default is 120 seconds.
  public var compileTimeLimit: Duration
  /// How long the program may run; the default is 60 seconds.
  public var runTimeLimit: Duration
  /// Whether to compile with `-O` rather than `-Onone` (see `ExerciseProgram.compilerArguments`).
  public var optimized: Bool
  /// The folder the program runs in, so that paths such as `Datasets/…` work; nil for the
  /// current folder.
  public var workingDirectory: URL?
  /// The compiler; nil to find `swiftc` on `PATH` or beside the running toolchain.
  public var compiler: URL?
  /// The memory, processor time and output the program may use; by default
  /// `RunLimits.standard(runTimeLimit:)`.
  public var limits: RunLimits

  /// Creates a runner with the given limits.
  public init(
    buildFolder: ExerciseBuildFolder, compileTimeLimit: Duration = .seconds(120), runTimeLimit: Duration = .seconds(60),
    optimized: Bool = false, workingDirectory: URL? = nil, compiler: URL? = nil, limits: RunLimits? = nil
  ) {
    self.limits = limits ?? .standard(runTimeLimit: runTimeLimit)
    self.buildFolder = buildFolder
    self.compileTimeLimit = compileTimeLimit
    self.runTimeLimit = runTimeLimit
    self.optimized = optimized
    self.workingDirectory = workingDirectory
    self.compiler = compiler
  }

  // MARK: - Checking

  /// Compiles and runs the exercise in `files` and returns what happened.
  ///
  /// A pass needs every check of the exercise's check file, by name, to have run from that file
  /// and passed, and the program to reach the end the runner wrote after them (see
  /// `ExerciseProgram`). The learner's code runs in the same process as the checks, so nothing
  /// stops code written to cheat (it could find the run token in the executable, or fake the
  /// `file:` of its own checks); what this stops is every easy way to pass without solving the
  /// exercise: calling `check` on something else, calling `finishChecks()` or `exit(0)` early,
  /// or writing the report file.
  ///
  /// The program runs in a session of its own, all of whose processes are killed when it ends,
  /// at the time limit and when this process is interrupted (Ctrl-C, a hang-up or a `kill`: the
  /// signal then takes effect once the temporary folder is removed); see `ChildProcess`. It
  /// limits its own memory and processor time first; see `RunLimits`.
  ///
  /// - Throws: `ExerciseRunnerError` when a file is missing, the libraries are not built, the
  ///   compiler is not found or a temporary folder cannot be made; `.interrupted` as above.
  public func check(_ files: ExerciseFiles) throws(ExerciseRunnerError) -> ExerciseOutcome {
    try TerminationSignals.whileForwarding { () throws(ExerciseRunnerError) -> ExerciseOutcome in
      try checkForwardingSignals(files)
    }
  }

  private func checkForwardingSignals(_ files: ExerciseFiles) throws(ExerciseRunnerError) -> ExerciseOutcome {
    let missing = buildFolder.missingFiles
    guard missing.isEmpty else { throw .librariesNotBuilt(buildFolder: buildFolder.url.path, missing: missing) }
    guard let swiftc = compiler ?? SwiftCompilerLocation.find() else { throw .compilerNotFound }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-check-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotPrepare(folder: folder.path, reason: error.localizedDescription)
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let program = ExerciseProgram(files: files, folder: folder, limits: limits)
    try program.writeSources()

    let compile = try ChildProcess(
      executable: swiftc, arguments: program.compilerArguments(buildFolder: buildFolder.url, optimized: optimized),
      workingDirectory: folder, timeLimit: compileTimeLimit
    ).run()
    guard compile.termination == .exited(status: 0) else {
      let output = program.mappingPaths(in: compile.standardError + compile.standardOutput)
      return .didNotCompile(
        CompileFailure(
          diagnostics: CompilerDiagnostic.parse(output), output: output,
          timeLimit: compile.termination == .timedOut ? compileTimeLimit : nil, duration: compile.duration))
    }
    let run = try ChildProcess(
      executable: program.executable, arguments: [], extraEnvironment: Self.environment(reportFile: program.reportFile),
      workingDirectory: workingDirectory, timeLimit: runTimeLimit, outputLimit: limits.outputBytes
    ).run()
    return .ran(exerciseRun(run, of: program, compileDuration: compile.duration))
  }

  // MARK: - Helpers

  /// The variables the program runs with: where to write its check results, and a short,
  /// non-interactive crash backtrace that names source lines and nothing else.
  static func environment(reportFile: URL) -> [String: String] {
    [
      CheckRecorder.reportPathVariable: reportFile.path,
      "SWIFT_BACKTRACE":
        "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=16,top=0,sanitize=no",
    ]
  }

  /// The learner's view of a finished run: results read from the report, paths mapped.
  private func exerciseRun(_ run: ChildProcess.Result, of program: ExerciseProgram, compileDuration: Duration)
    -> ExerciseRun
  {
    var results: [CheckResult] = []
    var reachedTheEnd = false
    var reportProblem: String?
    if FileManager.default.fileExists(atPath: program.reportFile.path) {
      do {
        let contents = try CheckReportFile.contents(ofFileAt: program.reportFile.path)
        results = contents.results
        reachedTheEnd = contents.isComplete && contents.runToken == program.runToken
      } catch {
        reportProblem = error.description
      }
    }
    for index in results.indices {
      results[index].file = program.displayPath(ofCheckFile: results[index].file)
    }
    let ranFromCheckFile = Set(results.filter { $0.file == program.files.checkDisplayPath }.map(\.name))
    let standardError = program.mappingPaths(in: run.standardError)
    var exerciseRun = ExerciseRun(
      results: results, reachedTheEnd: reachedTheEnd, ending: ending(of: run, standardError: standardError),
      standardOutput: run.standardOutput, standardError: standardError, reportProblem: reportProblem,
      compileDuration: compileDuration, runDuration: run.duration)
    exerciseRun.checksNotRun = program.expectedChecks.filter { !ranFromCheckFile.contains($0) }
    if run.droppedByteCount > 0 {
      exerciseRun.droppedOutput = DroppedOutput(printedBytes: run.printedByteCount, keptBytes: limits.outputBytes)
    }
    return exerciseRun
  }

  /// How the program ended, with a limit it hit named: SIGXCPU (or SIGKILL, five seconds later)
  /// at the processor time limit; Swift's allocation failure at the memory limit.
  private func ending(of run: ChildProcess.Result, standardError: String) -> ProgramEnding {
    switch run.termination {
    case .exited(let status):
      return .exited(status: status)
    case .timedOut:
      return .timedOut(limit: runTimeLimit)
    case .signalled(let signal):
      if signal == SIGXCPU || run.processorTime >= limits.processorTime {
        return .exceededProcessorTime(limit: limits.processorTime)
      }
      if CrashDetails(standardError: standardError).isAllocationFailure {
        return .exceededMemory(limit: limits.memoryBytes)
      }
      return .crashed(signal: signal, signalName: ChildProcess.name(ofSignal: signal))
    }
  }
}
