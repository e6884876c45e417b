import Foundation
import Testing
import ZlibCodecsTestSupport

@testable import ClassMode

/// Sixty learners walking episodes at once, answering right and wrong at random moments, each with
/// their own sender, against a real server that is stopped and started again from its log half way:
/// the room holds exactly what each learner sent, in order, once.
@Suite(.serialized) struct SimulatedClassTests {
  /// One learner's walk through three episodes, as their `lesson` would tell it.
  static func walk(seed: UInt64) -> [ProgressEvent] {
    var random = SeededGenerator(state: seed)
    var events: [ProgressEvent] = []
    for episode in 1...3 {
      let steps = Int.random(in: 8...14, using: &random)
      for step in 1...steps {
        events.append(.reachedStep(episode: episode, step: step, of: steps))
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
          let question = "q\(episode)-\(step)"
          for _ in 0..<Int.random(in: 0...2, using: &random) {
            let given = ["255", "256", "784", "relu"][Int.random(in: 0..<4, using: &random)]
            events.append(.answered(question: question, right: false, given: given))
          }
          events.append(.answered(question: question, right: true, given: "42"))
        case 1:
          let exercise = "fill-\(episode)-\(step)"
          if Bool.random(using: &random) {
            events.append(.checked(exercise: exercise, passed: false, firstFailure: "output shape", given: "16, 5"))
          }
          events.append(.checked(exercise: exercise, passed: true, firstFailure: nil, given: "16, 3"))
        default:
          break
        }
      }
      events.append(.finishedEpisode(episode))
    }
    return events
  }

  @Test func sixtyLearnersArriveWholeInOrderAndOnceThroughARestart() throws {
    TCPSockets.raiseOpenFileLimit(to: 4_096)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("class-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let logPath = (folder as NSString).appendingPathComponent("events.jsonl")

    func openServer(port: Int) throws -> (ClassServer, SharedRoom) {
      let replay = try ClassLog.replay(logPath)
      let log = try ClassLog(appendingTo: logPath)
      let room = SharedRoom(replay.room)
      // Sixty laptops share the loopback address here: the limits per address are set aside.
      var limits = ServerLimits()
      limits.connectionsPerAddress = 100
      limits.learnersPerAddress = 100
      let server = try ClassServer(
        code: testCode, port: port, loopbackOnly: true, limits: limits, held: replay.room.lastNumbers
      ) { arrival in
        let time = Date().timeIntervalSince1970
        log.append(arrival, at: time)
        room.apply(arrival, at: time)
      }
      server.start()
      return (server, room)
    }

    var (server, room) = try openServer(port: 0)
    let port = server.port
    let walks = (0..<60).map { Self.walk(seed: UInt64($0) + 1) }
    let outboxes = (0..<60).map { _ in MemoryOutbox() }
    let senders = (0..<60).map { index in
      ClassSenderTests.sender(port: port, outbox: outboxes[index], learner: "learner\(index)")
    }
    for sender in senders { sender.start() }

    // Every learner walks on a thread of their own, pausing 0–10 ms at random between events.
    // Half way through their walk, each waits at a gate.
    let longest = LongestDuration()
    let halfWay = DispatchGroup()
    let gate = DispatchSemaphore(value: 0)
    let walking = DispatchGroup()
    for index in 0..<60 {
      halfWay.enter()
      walking.enter()
      Thread {
        var random = SeededGenerator(state: UInt64(1_000 + index))
        for (place, event) in walks[index].enumerated() {
          if place == walks[index].count / 2 {
            halfWay.leave()
            gate.wait()
          }
          let elapsed = ContinuousClock().measure {
            outboxes[index].add(event)
            senders[index].eventsWaiting()
          }
          longest.record(elapsed)
          usleep(UInt32.random(in: 0...10_000, using: &random))
        }
        walking.leave()
      }.start()
    }
    // With everyone half way, the instructor's laptop goes away, the learners walk on, and it comes
    // back from its log.
    let total = walks.map(\.count).reduce(0, +)
    #expect(halfWay.wait(timeout: .now() + 60) == .success)
    server.stop()
    let beforeStop = room.snapshot.eventCount
    #expect(beforeStop > 0 && beforeStop < total)
    for _ in 0..<60 { gate.signal() }
    usleep(100_000)
    (server, room) = try openServer(port: port)
    #expect(walking.wait(timeout: .now() + 60) == .success)
    #expect(eventually(within: 30) { outboxes.allSatisfy { $0.count == 0 } })
    server.stop()
    for sender in senders { sender.finish(within: 0) }

    let final = room.snapshot
    #expect(final.learners.count == 60)
    #expect(final.eventCount == total)
    for index in 0..<60 {
      let learner = try #require(final.learners["learner\(index)"])
      #expect(learner.eventCount == walks[index].count)
      #expect(learner.lastNumber == walks[index].count)
      #expect(learner.skippedNumbers == 0)
      #expect(learner.history.map(\.event) == Array(walks[index].suffix(LearnerRecord.historyLimit)))
      #expect(learner.episodeFinished.count == 3)
    }
    // The log, read again, is the same room.
    #expect(try ClassLog.replay(logPath).room == final)
    #expect(longest.value < .milliseconds(100))
  }
}

/// The longest of many durations recorded from several threads.
final class LongestDuration: @unchecked Sendable {
  private let lock = NSLock()
  private var longest = Duration.zero

  func record(_ duration: Duration) {
    lock.withLock { longest = max(longest, duration) }
  }

  var value: Duration { lock.withLock { longest } }
}
