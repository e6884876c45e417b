import ClassMode
import Foundation
import Testing

@testable import LessonEngine

@Suite struct ClassOutboxTests {
  func workspace() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString)").path
  }

  @Test func eventsAreNumberedInOrderAndKeptAcrossProcesses() throws {
    let folder = workspace()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
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

  @Test func onlyOneProcessSendsAtATime() throws {
    let folder = workspace()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var first: ClassOutbox? = ClassOutbox(workspace: folder)
    let second = ClassOutbox(workspace: folder)
    #expect(first?.claimSending() == true)
    #expect(first?.claimSending() == true)
    #expect(!second.claimSending())
    first = nil
    #expect(second.claimSending())
  }

  @Test func theOldestEventsGoWhenTheOutboxIsFullAndDamageIsSkipped() throws {
    let folder = workspace()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outbox = ClassOutbox(workspace: folder)
    var text = "next: 1\n"
    for number in 1...ClassOutbox.capacity {
      text += String(
        decoding: ClientMessage.event(.init(number: number, event: .finishedEpisode(1))).line, as: UTF8.self)
    }
    text += "garbage that is not an event\n"
    try text.write(toFile: outbox.path, atomically: true, encoding: .utf8)
    outbox.add(.finishedEpisode(2))
    let waiting = outbox.waiting
    #expect(waiting.count == ClassOutbox.capacity)
    #expect(waiting.first?.number == 2)
    #expect(waiting.last == NumberedEvent(number: ClassOutbox.capacity + 1, event: .finishedEpisode(2)))
  }
}
