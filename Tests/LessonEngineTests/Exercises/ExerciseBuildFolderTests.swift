import Foundation
import Testing

@testable import LessonEngine

@Suite struct ExerciseBuildFolderTests {
  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("build-folder-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func anEmptyFolderMissesBothLibrariesAndTheirModules() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = ExerciseBuildFolder(folder).missingFiles
    #expect(missing.count == 4)
    #expect(missing.contains("Modules/CNN.swiftmodule") && missing.contains("Modules/LessonChecks.swiftmodule"))
    #expect(missing.contains { $0.hasPrefix("libCNN.") } && missing.contains { $0.hasPrefix("libLessonChecks.") })
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
    #expect(error?.description.contains("swift build --product CNN") == true)
  }
}
