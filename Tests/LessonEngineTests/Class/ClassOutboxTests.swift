import ClassMode
import Foundation
import Testing

@testable import LessonEngine

@Suite struct ClassOutboxTests {
  /// A new, empty workspace folder, removed when `body` ends.
  func inWorkspace(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try body(folder)
  }

  /// The outbox's line for event `number`, an episode finished.
  static func line(_ number: Int) -> String {
    String(decoding: ClientMessage.event(.init(number: number, event: .finishedEpisode(1))).line, as: UTF8.self)
  }

  @Test func eventsAreNumberedInOrderAndKeptAcrossProcesses() throws {
    try inWorkspace { folder in
      let first = ClassOutbox(workspace: folder)
      first.add(.reachedStep(episode: 1, step: 1, of: 9))
      first.add(.answered(question: "q", right: false, given: "255"))
      // Another `lesson` of the same workspace numbers after them.
      let second = ClassOutbox(workspace: folder)
      second.add(.finishedEpisode(1))
      #expect(second.waiting.map(\.number) == [1, 2, 3])
      #expect(second.waiting.last?.event == .finishedEpisode(1))
      second.serverHolds(upTo: 2)
      #expect(first.waiting.map(\.number) == [3])
      first.serverHolds(upTo: 3)
      first.add(.finishedEpisode(2))
      #expect(second.waiting.map(\.number) == [4])
    }
  }

  @Test func onlyOneProcessSendsAtATime() throws {
    try inWorkspace { folder in
      var first: ClassOutbox? = ClassOutbox(workspace: folder)
      let second = ClassOutbox(workspace: folder)
      #expect(first?.claimSending() == true)
      #expect(first?.claimSending() == true)
      #expect(!second.claimSending())
      first = nil
      #expect(second.claimSending())
    }
  }

  @Test func theOldestEventsGoWhenTheOutboxIsFullAndDamageIsSkipped() throws {
    try inWorkspace { folder in
      let outbox = ClassOutbox(workspace: folder)
      let line = Self.line
      var text = "next: 1\n"
      var count = 0
      while text.utf8.count <= ClassOutbox.byteLimit {
        count += 1
        text += line(count)
        if count == 7 { text += "garbage that is not an event\n" }
      }
      try text.write(toFile: outbox.path, atomically: true, encoding: .utf8)
      outbox.add(.finishedEpisode(2))
      let waiting = outbox.waiting
      let size = try #require(try FileManager.default.attributesOfItem(atPath: outbox.path)[.size] as? Int)
      #expect(size <= ClassOutbox.byteLimit / 2 + 64)
      #expect(waiting.last == NumberedEvent(number: count + 1, event: .finishedEpisode(2)))
      #expect(waiting.map(\.number) == Array((count + 2 - waiting.count)...(count + 1)), "the newest, in order")
    }
  }

  @Test func theNumberComesFromTheFilesEndThroughACutLineAndAHandEditedGiant() throws {
    try inWorkspace { folder in
      let outbox = ClassOutbox(workspace: folder)
      let line = Self.line
      // Three megabytes of lines that are not events, then events 5 to 400, the last cut short by a
      // crash.
      var text = String(repeating: "a line edited in by hand, which is no event\n", count: 3 << 20 / 45)
      for number in 5...400 { text += line(number) }
      text += #"{"episode":1,"kind":"fini"#
      try text.write(toFile: outbox.path, atomically: true, encoding: .utf8)
      outbox.add(.finishedEpisode(2))
      let waiting = outbox.waiting
      #expect(waiting.last == NumberedEvent(number: 401, event: .finishedEpisode(2)))
      #expect(waiting.first?.number == 5, "all of the events fit in half the limit")
      // With nothing but the `next:` line, the number comes from it.
      outbox.serverHolds(upTo: 401)
      outbox.add(.finishedEpisode(3))
      #expect(outbox.waiting.map(\.number) == [402])
    }
  }

}
