import Foundation
import Testing

@testable import ClassMode

@Suite struct ClassLogTests {
  func temporaryPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)/events.jsonl").path
  }

  @Test func whatIsAppendedIsReadBackAsTheSameRoom() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    let log = try ClassLog(appendingTo: path)
    var room = ClassRoom()
    let arrivals: [ClassServer.Arrival] = [
      .joined(learner: "ana", name: "Ana"),
      .event(learner: "ana", name: "Ana", .init(number: 1, event: .reachedStep(episode: 1, step: 1, of: 9))),
      .event(
        learner: "ana", name: "Ana",
        .init(number: 2, event: .answered(question: "q", right: false, given: "\"quoted\" \\ text"))),
      .joined(learner: "bo", name: "Bo"),
    ]
    for (index, arrival) in arrivals.enumerated() {
      #expect(log.append(arrival, at: 1_796_600_000.25 + Double(index)))
      room.apply(arrival, at: 1_796_600_000.25 + Double(index))
    }
    let replay = try ClassLog.replay(path)
    #expect(replay.room == room)
    #expect(replay.room.lastNumbers == ["ana": 2, "bo": 0])
    #expect(replay.unreadableLines == 0)
  }

  @Test func aDamagedLineIsSkippedAndCounted() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    let log = try ClassLog(appendingTo: path)
    log.append(.event(learner: "ana", name: "Ana", .init(number: 1, event: .finishedEpisode(1))), at: 5)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("{\"type\":\"event\",\"at\":6,\"lear".utf8))  // cut short by a crash
    handle.closeFile()
    let replay = try ClassLog.replay(path)
    #expect(replay.unreadableLines == 1)
    #expect(replay.room.learners["ana"]?.episodeFinished == [1: 5])
  }

  @Test func noLogIsAnEmptyRoomAndAnUnwritableFolderIsNamed() throws {
    #expect(try ClassLog.replay("/nonexistent/events.jsonl").room == ClassRoom())
    #expect {
      try ClassLog(appendingTo: "/proc/class/events.jsonl")
    } throws: { error in
      "\(error)".contains("/proc/class")
    }
  }

  @Test func linesWithNumbersOrTimesNoServerWritesAreSkipped() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    let lines = [
      #"{"at":1e300,"learner":"ana","name":"Ana","type":"hello"}"#,
      #"{"at":-5,"learner":"ana","name":"Ana","type":"hello"}"#,
      #"{"at":5,"episode":1,"kind":"finished","learner":"ana","name":"Ana","seq":9223372036854775807,"type":"event"}"#,
      #"{"at":5,"episode":1,"kind":"finished","learner":"bo","name":"Bo","seq":3,"type":"event"}"#,
      // The same event again (a line copied by hand) is taken once, as the server would.
      #"{"at":6,"episode":1,"kind":"finished","learner":"bo","name":"Bo","seq":3,"type":"event"}"#,
    ]
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let replay = try ClassLog.replay(path)
    #expect(replay.unreadableLines == 3)
    #expect(replay.room.lastNumbers == ["bo": 3])
    #expect(replay.room.eventCount == 1)
  }
}
