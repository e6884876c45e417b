import ClassMode
import Foundation
import Testing

@testable import LessonEngine

/// A learner who joined a class walks the test lesson: the instructor's server, in-process, sees
/// each step, each answer with what was typed, and each check; with the server away the walk is
/// not delayed and the events go later.
@Suite(.serialized) struct ClassWalkTests {
  static let code = ClassCode("PANDA-421")!

  static func server(_ room: SharedRoom, port: Int = 0) throws -> ClassServer {
    let server = try ClassServer(code: code, port: port, loopbackOnly: true) {
      room.apply($0, at: Date().timeIntervalSince1970)
    }
    server.start()
    return server
  }

  @Test func theInstructorSeesTheWalkWithTheWrongAnswerTyped() throws {
    let fixture = try TestLessonFixture()
    let room = SharedRoom()
    let server = try Self.server(room)
    defer { server.stop() }
    try ClassMembership(address: "127.0.0.1:\(server.port)", code: "PANDA-421", name: "Ana").keep(
      in: fixture.lesson.workspace)
    let walk = try fixture.walk(["8", "3", "8", "", "4", "0.75", "b", "softmax"], options: WalkOptions(pauses: false))
    #expect(walk.finished)
    #expect(waitUntil { room.snapshot.learners.values.first?.history.last?.event == .finishedEpisode(1) })
    ClassLink.finish(fixture.lesson.workspace, within: 2)
    let learner = try #require(room.snapshot.learners.values.first)
    #expect(learner.name == "Ana")
    let events = learner.history.map(\.event)
    let stepCount = fixture.lesson.entries[0].script.steps.count
    #expect(events.first == .reachedStep(episode: 1, step: 1, of: stepCount))
    #expect(events.contains(.checked(exercise: "test-conv", passed: true, firstFailure: nil, given: "8, 3")))
    let wrong = try #require(events.firstIndex(of: .answered(question: "test-count", right: false, given: "8")))
    let right = try #require(events.firstIndex(of: .answered(question: "test-count", right: true, given: "4")))
    #expect(wrong < right)
    #expect(events.last == .finishedEpisode(1))
    #expect(room.snapshot.mostMissedQuestion?.id == "test-count")
    #expect(try fixture.lesson.progress().episodes[1] == .done, "the progress file is kept as before")
  }

  @Test func aFillInFailureNamesItsFirstFailingCheck() throws {
    let fixture = try TestLessonFixture()
    let room = SharedRoom()
    let server = try Self.server(room)
    defer { server.stop() }
    try ClassMembership(address: "127.0.0.1:\(server.port)", code: "PANDA-421", name: "Bo").keep(
      in: fixture.lesson.workspace)
    _ = try fixture.walk(["7", "3", "q"], options: WalkOptions(pauses: false))
    #expect(waitUntil { room.snapshot.learners.values.first?.failure != nil })
    ClassLink.finish(fixture.lesson.workspace, within: 2)
    let learner = try #require(room.snapshot.learners.values.first)
    let failed = learner.history.compactMap { moment -> String? in
      guard case .checked("test-conv", false, let first, "7, 3") = moment.event else { return nil }
      return first
    }
    #expect(failed.count == 1 && !(failed.first ?? "").isEmpty)
    #expect(learner.failure?.exercise == "test-conv")
  }

  @Test func withTheInstructorAwayTheWalkIsNotDelayedAndEventsGoLater() throws {
    let fixture = try TestLessonFixture()
    // A port with nobody on it: the server that had it is stopped.
    let probe = try Self.server(SharedRoom())
    let port = probe.port
    probe.stop()
    try ClassMembership(address: "127.0.0.1:\(port)", code: "PANDA-421", name: "Cy").keep(in: fixture.lesson.workspace)
    let link = try #require(fixture.lesson.classLink)
    var longest = Duration.zero
    for step in 1...100 {
      longest = max(longest, ContinuousClock().measure { link.send(.reachedStep(episode: 2, step: step, of: 100)) })
    }
    #expect(longest < .milliseconds(100), "each send only writes the outbox")
    let finishing = ContinuousClock().measure { ClassLink.finish(fixture.lesson.workspace, within: 0.3) }
    #expect(finishing < .seconds(2))
    #expect(ClassOutbox(workspace: fixture.lesson.workspace).waiting.count == 100)
    // The instructor's machine comes back; the learner's next `lesson` sends what waited.
    let room = SharedRoom()
    let server = try Self.server(room, port: port)
    defer { server.stop() }
    #expect(fixture.lesson.classLink != nil)
    #expect(waitUntil { room.snapshot.eventCount == 100 })
    let steps = room.snapshot.learners.values.first?.history.map { moment -> Int in
      guard case .reachedStep(2, let step, 100) = moment.event else { return 0 }
      return step
    }
    #expect(steps == Array(1...100))
    ClassLink.finish(fixture.lesson.workspace, within: 1)
    #expect(ClassOutbox(workspace: fixture.lesson.workspace).waiting.count == 0)
  }

  @Test func aServerThatNeverAnswersDoesNotDelayTheLearner() throws {
    let fixture = try TestLessonFixture()
    let listener = try ClassServer(code: Self.code, port: 0, loopbackOnly: true) { _ in }
    // Listening but never started: connections wait in the backlog, and nothing is ever answered.
    try ClassMembership(address: "127.0.0.1:\(listener.port)", code: "PANDA-421", name: "Di").keep(
      in: fixture.lesson.workspace)
    let started = ContinuousClock.now
    let walk = try fixture.walk(["8", "3", "4", "0.75", "b", "softmax"], options: WalkOptions(pauses: false))
    let walking = ContinuousClock.now - started
    #expect(walk.finished)
    let link = try #require(fixture.lesson.classLink)
    var longest = Duration.zero
    for step in 1...50 {
      longest = max(longest, ContinuousClock().measure { link.send(.reachedStep(episode: 3, step: step, of: 50)) })
    }
    #expect(longest < .milliseconds(100))
    let finishing = ContinuousClock().measure { ClassLink.finish(fixture.lesson.workspace, within: 0.3) }
    #expect(finishing < .seconds(2), "finish waits its 0.3 s, not the reply under way (up to 2 s)")
    #expect(walking < .seconds(30))
  }
}

/// Waits until `condition` holds, looking every 20 ms for at most `seconds` (long: the whole test
/// run shares two cores); returns whether it came to hold.
func waitUntil(_ seconds: Double = 30, _ condition: () -> Bool) -> Bool {
  let deadline = Date(timeIntervalSinceNow: seconds)
  while !condition() {
    guard Date() < deadline else { return false }
    usleep(20_000)
  }
  return true
}
