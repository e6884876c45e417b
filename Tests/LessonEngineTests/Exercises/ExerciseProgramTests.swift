import CNNTestSupport
import Foundation
import Testing

@testable import LessonEngine

@Suite struct ExerciseProgramTests {
  let folder: TemporaryFolder
  let program = ExerciseProgram(
    files: ExerciseFiles(exercise: "build-model", projectRoot: URL(fileURLWithPath: "/home/me/lesson")),
    folder: URL(fileURLWithPath: "/tmp/lesson-check-1"))

  init() throws {
    folder = try TemporaryFolder(prefix: "program-test")
  }

  @Test func linksAgainstEveryExerciseLibraryWithTheBuildFolderAsRunPath() {
    let arguments = program.compilerArguments(buildFolder: URL(fileURLWithPath: "/p/.build/debug"), optimized: false)
    #expect(arguments.contains("-Onone"))
    for expected in [
      ["-I", "/p/.build/debug/Modules"], ["-L", "/p/.build/debug"], ["-rpath", "-Xlinker", "/p/.build/debug"],
    ] {
      #expect(arguments.indices.contains { Array(arguments[$0...].prefix(expected.count)) == expected })
    }
    #expect(
      arguments.contains("-lCNN") && arguments.contains("-lLessonChecks") && arguments.contains("-lLessonToolkit"))
    #expect(
      arguments.suffix(2) == ["-o", "/tmp/lesson-check-1/exercise"])
    #expect(program.compilerArguments(buildFolder: URL(fileURLWithPath: "/p"), optimized: true).contains("-O"))
  }

  @Test func checkResultFilesBecomeTheirDisplayPaths() {
    #expect(
      program.displayPath(ofCheckFile: "LearnerExercise/check.swift") == "Lessons/exercises/build-model/check.swift")
    #expect(
      program.displayPath(ofCheckFile: "LearnerExercise/build-model.swift") == ".lesson/exercises/build-model.swift")
    #expect(program.displayPath(ofCheckFile: "Other/thing.swift") == "Other/thing.swift")
  }

  @Test func temporaryPathsInOutputBecomeDisplayPaths() {
    let text = "/tmp/lesson-check-1/main.swift:3:1: error: x\n/tmp/lesson-check-1/learner.swift:1:1: note: y"
    #expect(
      program.mappingPaths(in: text)
        == "Lessons/exercises/build-model/check.swift:3:1: error: x\n.lesson/exercises/build-model.swift:1:1: note: y")
  }

  /// Writes the sources of exercise `e`, whose check and learner files both hold `let x = 1`,
  /// into `folder` and returns the program.
  func writtenProgram(limits: RunLimits? = nil) throws -> ExerciseProgram {
    let files = ExerciseFiles(exercise: "e", projectRoot: URL(fileURLWithPath: folder.path))
    for url in [files.checkFile, files.learnerFile] {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try "let x = 1".write(to: url, atomically: true, encoding: .utf8)
    }
    var program = ExerciseProgram(files: files, folder: URL(fileURLWithPath: folder.path))
    if let limits { program.limits = limits }
    try program.writeSources()
    return program
  }

  @Test func sourcesAreWrittenWithLineDirectivesNamingTheDisplayPaths() throws {
    let program = try writtenProgram()
    let main = try String(contentsOf: program.mainFile, encoding: .utf8)
    let learner = try String(contentsOf: program.learnerCopy, encoding: .utf8)
    #expect(main.contains("import LessonChecks\n"))
    #expect(
      main.hasSuffix(
        "#sourceLocation(file: \"Lessons/exercises/e/check.swift\", line: 1)\nlet x = 1\n#sourceLocation()\n"
          + "LessonChecks.finishChecks(runToken: \"\(program.runToken)\")\n"))
    #expect(learner.hasPrefix("#sourceLocation(file: \".lesson/exercises/e.swift\", line: 1)\nlet x = 1\n"))
  }

  /// The limits come before the check file's first line, so before any learner code can run.
  @Test func theLimitsAreSetBeforeTheChecks() throws {
    let program = try writtenProgram(
      limits: RunLimits(memoryBytes: 3 << 30, processorTime: .seconds(90), outputBytes: 1024))
    let main = try String(contentsOf: program.mainFile, encoding: .utf8)
    let limits = try #require(
      main.range(of: "LessonChecks.ProgramLimits.apply(memoryBytes: \(3 << 30), processorSeconds: 90)\n"))
    let checks = try #require(main.range(of: "#sourceLocation(file: \"Lessons/exercises/e/check.swift\""))
    #expect(limits.upperBound <= checks.lowerBound)
  }

  /// A check file compiled by hand ends with `finishChecks()`; the runner's call, with the run
  /// token, must be the one that ends the program, and the lines must keep their numbers.
  @Test func aFinalFinishChecksInTheCheckFileIsBlanked() {
    #expect(
      ExerciseProgram.droppingFinalFinishChecks("import LessonChecks\ntry check(\"a\", true)\nfinishChecks()\n\n")
        == "import LessonChecks\ntry check(\"a\", true)\n\n\n")
    #expect(ExerciseProgram.droppingFinalFinishChecks("  LessonChecks.finishChecks()") == "")
    let unchanged = "finishChecks()\ntry check(\"a\", true)\n"
    #expect(ExerciseProgram.droppingFinalFinishChecks(unchanged) == unchanged)
  }

  @Test func aMissingLearnerFileSaysHowToStartTheExercise() {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("program-test-\(UUID().uuidString)")
    let program = ExerciseProgram(files: ExerciseFiles(exercise: "build-model", projectRoot: root), folder: root)
    let error = #expect(throws: ExerciseRunnerError.self) { try program.writeSources() }
    #expect(error == .learnerFileMissing(path: ".lesson/exercises/build-model.swift"))
    #expect(error?.description.contains("Run `lesson exercise build-model`") == true)
  }
}
