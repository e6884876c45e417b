import Foundation

/// The program `lesson check` builds from an exercise, in a temporary folder of its own:
/// `main.swift` (the exercise's `check.swift`), a copy of the learner's file, and the executable.
///
/// Both sources start with `#sourceLocation(file: "<display path>", line: 1)`, so the compiler's
/// messages, `#fileID` in check results and the crash backtrace all name the files as the learner
/// knows them, with their own line numbers; the copy also keeps the learner's file still while it
/// compiles.
///
/// `main.swift` wraps the checks in what every check program needs, so `check.swift` holds
/// nothing but checks (imports and a final `finishChecks()` are allowed, not needed):
///
///     import CNN, LessonChecks      (and the C library)
///     ProgramLimits.apply(…)        memory and processor limits, before any learner code runs
///     setvbuf(stdout, …)            line-buffered output: prints survive a crash
///     #sourceLocation(file: "Lessons/exercises/ID/check.swift", line: 1)
///     …check.swift…
///     #sourceLocation()
///     LessonChecks.finishChecks(runToken: "…")   the summary, the report's end, the exit status
///
/// The run token is new for every run and written only here, as a literal in the top-level code
/// of `main.swift`, which no other file can name: a learner's own `finishChecks()` (or a report
/// file it writes itself) ends the report without it, and the runner does not count that as
/// the end of the checks.
struct ExerciseProgram {
  /// The module the program is compiled as: `#fileID` reads `LearnerExercise/check.swift`.
  static let moduleName = "LearnerExercise"

  /// The exercise's files.
  let files: ExerciseFiles
  /// The temporary folder.
  let folder: URL
  /// The limits the program sets on itself first.
  var limits = RunLimits.standard(runTimeLimit: .seconds(60))
  /// The token `finishChecks` writes at the end of the report (see above).
  var runToken = UUID().uuidString

  /// The check file's copy, which holds the program's top-level code.
  var mainFile: URL { folder.appendingPathComponent("main.swift") }
  /// The learner's file's copy. Its name differs from the learner's (`ID.swift`): a copy named
  /// like the file its `#sourceLocation` names would give two files one `#fileID`, which the
  /// compiler warns about.
  var learnerCopy: URL { folder.appendingPathComponent("learner.swift") }
  /// The executable the compiler writes.
  var executable: URL { folder.appendingPathComponent("exercise") }
  /// The report file the program's checks are written to.
  var reportFile: URL { folder.appendingPathComponent("checks.jsonl") }

  /// The names of the checks in the exercise's check file (see `ExpectedChecks`); none when it
  /// cannot be read.
  var expectedChecks: [String] {
    (try? String(contentsOf: files.checkFile, encoding: .utf8)).map(ExpectedChecks.names(inCheckSource:)) ?? []
  }

  /// Writes both sources into `folder`.
  ///
  /// - Throws: `ExerciseRunnerError` when a file is missing or cannot be copied.
  func writeSources() throws(ExerciseRunnerError) {
    let learner: String
    let checks: String
    do {
      learner = try String(contentsOf: files.learnerFile, encoding: .utf8)
    } catch {
      throw .learnerFileMissing(path: files.learnerDisplayPath)
    }
    do {
      checks = try String(contentsOf: files.checkFile, encoding: .utf8)
    } catch {
      throw .checkFileMissing(path: files.checkDisplayPath)
    }
    let preamble = """
      #if canImport(Glibc)
        import Glibc
      #elseif canImport(Darwin)
        import Darwin
      #endif
      import CNN
      import LessonChecks
      LessonChecks.ProgramLimits.apply(memoryBytes: \(limits.memoryBytes), processorSeconds: \(processorSeconds))
      setvbuf(stdout, nil, _IOLBF, 0)

      """
    let ending = "LessonChecks.finishChecks(runToken: \"\(runToken)\")\n"
    do {
      try (preamble + Self.located(Self.droppingFinalFinishChecks(checks), as: files.checkDisplayPath) + ending).write(
        to: mainFile, atomically: false, encoding: .utf8)
      try Self.located(learner, as: files.learnerDisplayPath).write(to: learnerCopy, atomically: false, encoding: .utf8)
    } catch {
      throw .cannotPrepare(folder: folder.path, reason: error.localizedDescription)
    }
  }

  /// The processor time limit in whole seconds, at least 1.
  private var processorSeconds: Int {
    Swift.max(1, Int(limits.processorTime.components.seconds))
  }

  /// The arguments to `swiftc` that build the program against the libraries in `buildFolder`.
  ///
  /// `-Onone` by default, because Swift's optimised code traps without printing the runtime
  /// error (an index out of range just stops the program); the heavy work runs in the CNN
  /// library, which is optimised. Line tables (`-gline-tables-only`) let the backtrace name the
  /// line that crashed. Swift 5 language mode, as a script compiled with `swiftc` gets it.
  func compilerArguments(buildFolder: URL, optimized: Bool) -> [String] {
    let libraries = buildFolder.path
    return [
      optimized ? "-O" : "-Onone", "-gline-tables-only", "-swift-version", "5", "-diagnostic-style", "llvm",
      "-module-name", Self.moduleName, mainFile.path, learnerCopy.path,
      "-I", buildFolder.appendingPathComponent("Modules").path, "-L", libraries,
    ] + ExerciseBuildFolder.libraries.map { "-l" + $0 } + [
      "-Xlinker", "-rpath", "-Xlinker", libraries, "-o", executable.path,
    ]
  }

  /// `text` with its paths as the learner knows them: the copies' paths in the temporary folder
  /// become the display paths (a safety net; `#sourceLocation` already names most of them).
  func mappingPaths(in text: String) -> String {
    text.replacingOccurrences(of: mainFile.path, with: files.checkDisplayPath)
      .replacingOccurrences(of: learnerCopy.path, with: files.learnerDisplayPath)
  }

  /// `file` of a check result (`LearnerExercise/check.swift`, from `#fileID`) as its display path.
  func displayPath(ofCheckFile file: String) -> String {
    let module = Self.moduleName + "/"
    for path in [files.checkDisplayPath, files.learnerDisplayPath]
    where file == module + (path.split(separator: "/").last.map(String.init) ?? path) {
      return path
    }
    return file
  }

  /// `checks` without a `finishChecks()` call on its last line (blanked, so that line numbers stay),
  /// which a check file compiled by hand ends with: the runner's own call, with the run token,
  /// must be the one that ends the program.
  static func droppingFinalFinishChecks(_ checks: String) -> String {
    var lines = checks.split(separator: "\n", omittingEmptySubsequences: false)
    guard let last = lines.lastIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
      ["finishChecks()", "LessonChecks.finishChecks()"].contains(lines[last].trimmingCharacters(in: .whitespaces))
    else { return checks }
    lines[last] = ""
    return lines.joined(separator: "\n")
  }

  /// `source` preceded by a line directive naming it `path`, line 1.
  private static func located(_ source: String, as path: String) -> String {
    let literal = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    return "#sourceLocation(file: \"\(literal)\", line: 1)\n" + source + "\n#sourceLocation()\n"
  }
}
