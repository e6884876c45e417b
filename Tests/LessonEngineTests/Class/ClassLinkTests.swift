import CNNTestSupport
import ClassMode
import Foundation
import TerminalUI
import Testing

@testable import LessonEngine

@Suite(.serialized) struct ClassLinkTests {
  @Test func aJoinOrALeaveInAnotherTerminalReachesALessonAlreadyRunning() throws {
    let fixture = try TestLessonFixture()
    defer { ClassLink.finish(fixture.lesson.workspace, within: 0) }
    let workspace = fixture.lesson.workspace
    #expect(fixture.lesson.classLink == nil)
    // `lesson class join` in another terminal writes the class file…
    try ClassMembership(address: "127.0.0.1:9", code: "PANDA-421", name: "Ana").keep(in: workspace)
    let first = try #require(fixture.lesson.classLink)
    #expect(fixture.lesson.classLink === first, "the same file, the same link")
    // …a join to another class replaces it…
    try ClassMembership(address: "127.0.0.1:9", code: "TIGER-100", name: "Ana").keep(in: workspace)
    let second = try #require(fixture.lesson.classLink)
    #expect(second !== first && second.membership.code.text == "TIGER-100")
    // …and `lesson class leave` removes it: nothing more is sent.
    try FileManager.default.removeItem(atPath: (workspace as NSString).appendingPathComponent("class.txt"))
    #expect(fixture.lesson.classLink == nil)
  }

  @Test func queuedLinesNeverWaitForTheReaderAndCountWhatTheyDrop() {
    let reader = DispatchSemaphore(value: 0)
    let captured = CapturedOutput()
    let inner = captured.output(isTerminal: false)
    let blocked = TerminalOutput(capabilities: inner.capabilities) { text in
      reader.wait()
      inner.write(text)
    }
    let lines = QueuedLines(blocked, limit: 5)
    let writing = ContinuousClock().measure {
      for number in 1...20 { lines.write("line \(number)\n") }
    }
    #expect(writing < .milliseconds(100), "the writer never waits for the reader")
    for _ in 0..<40 { reader.signal() }
    lines.drain()
    let shown = captured.text.split(separator: "\n")
    #expect(shown.filter { $0.hasPrefix("line ") }.count == 5)
    #expect(shown.contains("(15 lines not shown: the output was not being read)"))
  }

  @Test func anOutboxNumberPastTheProtocolsIsClamped() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outbox = ClassOutbox(workspace: folder)
    try "next: 9223372036854775807\n".write(toFile: outbox.path, atomically: true, encoding: .utf8)
    outbox.add(.finishedEpisode(1))
    outbox.serverHolds(upTo: Int(Int32.max))
    outbox.add(.finishedEpisode(2))
    #expect(outbox.waiting.isEmpty, "past the largest number events are dropped, never a crash")
  }
}
