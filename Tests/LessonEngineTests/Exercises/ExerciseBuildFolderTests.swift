import Foundation
import Testing

@testable import LessonEngine

@Suite struct ExerciseBuildFolderTests {
  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("build-folder-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func anEmptyFolderMissesEveryLibraryAndItsModule() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = ExerciseBuildFolder(folder).missingFiles
    #expect(missing.count == 6)
    for library in ["CNN", "LessonChecks", "LessonToolkit"] {
      #expect(missing.contains("Modules/\(library).swiftmodule"))
      #expect(missing.contains { $0.hasPrefix("lib\(library).") })
    }
  }

  @Test func theFolderOfAnExecutableIsTheNearestWithModules() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let debug = root.appendingPathComponent("debug")
    let bundle = debug.appendingPathComponent("Tests.xctest/Contents/MacOS")
    try FileManager.default.createDirectory(
      at: debug.appendingPathComponent("Modules"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
    let found = ExerciseBuildFolder.containing(bundle.appendingPathComponent("Tests"))
    #expect(found?.url.resolvingSymlinksInPath().path == debug.resolvingSymlinksInPath().path)
    #expect(ExerciseBuildFolder.containing(URL(fileURLWithPath: "/no-such-folder/bin/tool")) == nil)
  }

  @Test func aRunnerRefusesAFolderWithoutTheLibraries() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let runner = ExerciseRunner(buildFolder: ExerciseBuildFolder(folder))
    let error = #expect(throws: ExerciseRunnerError.self) {
      try runner.check(ExerciseFiles(exercise: "e", projectRoot: folder))
    }
    for library in ["CNN", "LessonChecks", "LessonToolkit"] {
      #expect(error?.description.contains("swift build --product \(library)") == true)
    }
  }
}
