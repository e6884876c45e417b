import CNNTestSupport
import Foundation
import Testing

@testable import LessonEngine

/// The progress file: shared by every `lesson` process in a project, and written so that none of
/// them loses another's record, and no failure goes unsaid.
@Suite struct ProgressStoreTests {
  let folder: TemporaryFolder
  var path: String { folder.path("progress.txt") }

  init() throws {
    folder = try TemporaryFolder(prefix: "progress")
  }

  @Test func fourConcurrentWritersLoseNoRecord() throws {
    let writers = 4
    let recordsEach = 25
    let path = self.path
    for round in 0..<5 {
      let failures = Failures()
      DispatchQueue.concurrentPerform(iterations: writers) { writer in
        for record in 0..<recordsEach {
          // Each record as a separate `lesson` command makes it: open the file, then record.
          do {
            try ProgressStore(path: path).recordExercise("round\(round)-writer\(writer)-\(record)", passed: true)
          } catch {
            failures.add(error)
          }
        }
      }
      #expect(failures.all.isEmpty, "\(failures.all)")
      let recorded = try ProgressStore(path: path).exercises.keys.filter { $0.hasPrefix("round\(round)-") }
      #expect(recorded.count == writers * recordsEach, "round \(round) lost \(writers * recordsEach - recorded.count)")
    }
  }

  @Test func aStoreOpenedEarlierStillKeepsWhatOthersRecordedSince() throws {
    let early = try ProgressStore(path: path)
    try ProgressStore(path: path).recordExercise("first", passed: true)
    try early.recordExercise("second", passed: false)
    #expect(Set(try ProgressStore(path: path).exercises.keys) == ["first", "second"])
  }

  @Test(
    arguments: [
      ("binary bytes", [0x00, 0xFF, 0x13, 0x37, 0x89, 0x50, 0x4E, 0x47, 0x00, 0x0A], ProgressFileError.Damage.notText),
      ("lines none of which parse", Array("<html>\n<body>oops</body>\n".utf8), .nothingUnderstood),
    ] as [(String, [UInt8], ProgressFileError.Damage)])
  func aGarbledFileIsKeptAsideAndReportedNotTakenForEmpty(
    _ kind: String, bytes: [UInt8], damage: ProgressFileError.Damage
  )
    throws
  {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let store = try ProgressStore(path: path)
    #expect(store.setAside == .setAside(path: path, damage: damage, keptAs: path + ".broken"), "\(kind)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".broken")) == Data(bytes))
    let message = try #require(store.setAside?.description)
    #expect(message.contains(path) && message.contains("progress.txt.broken"), "\(message)")
    #expect(store.exercises.isEmpty)
  }

  @Test func aFileWithSomeUnknownLinesIsReadNotSetAside() throws {
    try "# mine\nnote to self: ask about pooling\nexercise first-conv: passed\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let store = try ProgressStore(path: path)
    #expect(store.setAside == nil)
    #expect(store.exercises["first-conv"]?.passed == true)
  }

  @Test func aGarbledFileFoundWhileRecordingIsSetAsideAndTheRecordKept() throws {
    let store = try ProgressStore(path: path)
    try Data([0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: path))
    #expect(throws: ProgressFileError.setAside(path: path, damage: .notText, keptAs: path + ".broken")) {
      try store.recordExercise("kept", passed: true)
    }
    #expect(try ProgressStore(path: path).exercises["kept"]?.passed == true)
  }

  @Test(.enabled(if: getuid() != 0, "the superuser may write into a read-only folder"))
  func aReadOnlyFolderIsNamedInOneSentenceWithTheFix() throws {
    let store = try ProgressStore(path: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
    let error = #expect(throws: ProgressFileError.cannotSave(path: path, reason: .permissionDenied)) {
      try store.recordExercise("lost", passed: true)
    }
    #expect(error?.description.hasPrefix("Could not save your progress to \(path): the folder is read-only;") == true)
  }

  @Test func aPermissionProblemReadsAsOneSentenceNamingTheFileAndTheFix() {
    let saving = ProgressFileError.cannotSave(path: ".lesson/progress.txt", reason: .permissionDenied).description
    #expect(
      saving
        == "Could not save your progress to .lesson/progress.txt: the folder is read-only; make it writable "
        + "(chmod u+w .lesson) or run lesson where you may write.")
    let reading = ProgressFileError.cannotRead(path: ".lesson/progress.txt", reason: .permissionDenied).description
    #expect(reading.hasPrefix("Could not read your progress from .lesson/progress.txt: you may not read it;"))
    for message in [saving, reading] {
      #expect(message.hasSuffix(".") && !message.dropLast().contains(". "), "one sentence: \(message)")
    }
  }

  @Test func aFolderWhereTheFileShouldBeIsReportedNotIgnored() throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    let error = #expect(throws: ProgressFileError.self) { try ProgressStore(path: path) }
    #expect(error == .cannotRead(path: path, reason: .isAFolder))
    #expect(error?.description.contains(path) == true)
  }
}

/// Errors gathered from several threads.
private final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var errors: [any Error] = []

  func add(_ error: any Error) { lock.withLock { errors.append(error) } }
  var all: [any Error] { lock.withLock { errors } }
}
