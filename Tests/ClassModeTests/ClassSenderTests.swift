import Foundation
import Testing

@testable import ClassMode

/// The learner's side with the instructor's machine down, slow, or vanishing mid-send: events wait
/// and go later, in order, once each, and telling the sender never waits for the network.
@Suite(.serialized) struct ClassSenderTests {
  static var quick: ClassSender.Timing {
    var timing = ClassSender.Timing()
    timing.connect = 0.3
    timing.reply = 0.3
    timing.retrySeconds = [0.05, 0.1]
    timing.look = 0.05
    return timing
  }

  /// A port nobody listens on now (the server that had it was stopped).
  static func freePort() throws -> Int {
    let server = try ClassServer(code: testCode, port: 0, loopbackOnly: true) { _ in }
    server.start()
    server.stop()
    return server.port
  }

  static func sender(port: Int, outbox: MemoryOutbox, learner: String = "lea") -> ClassSender {
    ClassSender(
      host: "127.0.0.1", port: port, hello: .init(code: testCode.text, learner: learner, name: learner),
      outbox: outbox, timing: quick)
  }

  /// Adds `count` events, telling the sender after each; returns the longest time one took.
  static func add(_ count: Int, to outbox: MemoryOutbox, sender: ClassSender) -> Duration {
    var longest = Duration.zero
    for number in 0..<count {
      let elapsed = ContinuousClock().measure {
        outbox.add(.reachedStep(episode: 1, step: number + 1, of: 9_999))
        sender.eventsWaiting()
      }
      longest = max(longest, elapsed)
    }
    return longest
  }

  @Test func withTheServerDownEventsWaitThenGoWhenItComesUp() throws {
    let port = try Self.freePort()
    let outbox = MemoryOutbox()
    let sender = Self.sender(port: port, outbox: outbox)
    sender.start()
    defer { sender.finish(within: 0) }
    #expect(Self.add(20, to: outbox, sender: sender) < .milliseconds(100))
    #expect(eventually { if case .unreachable = sender.status { return true } else { return false } })
    #expect(outbox.count == 20)
    let arrivals = Arrivals()
    let server = try ClassServer(code: testCode, port: port, loopbackOnly: true) { arrivals.record($0) }
    server.start()
    defer { server.stop() }
    #expect(eventually { outbox.count == 0 })
    #expect(arrivals.events(of: "lea").map(\.number) == Array(1...20))
    #expect(sender.status == .connected)
  }

  @Test func aServerThatNeverAnswersDelaysNothing() throws {
    // Listening, so connections are made, but never accepting or answering.
    let listener = try TCPSockets.listen(port: 0, loopbackOnly: true)
    defer { TCPSockets.close(listener) }
    let outbox = MemoryOutbox()
    var patient = Self.quick
    patient.reply = 10
    let sender = ClassSender(
      host: "127.0.0.1", port: TCPSockets.port(of: listener),
      hello: .init(code: testCode.text, learner: "lea", name: "Lea"),
      outbox: outbox, timing: patient)
    sender.start()
    #expect(Self.add(50, to: outbox, sender: sender) < .milliseconds(100))
    // The sender waits up to 10 s for an answer; finish waits only its 0.2 s.
    let finishing = ContinuousClock().measure { sender.finish(within: 0.2) }
    #expect(finishing < .seconds(2))
    #expect(outbox.count == 50)
  }

  @Test func aRefusalIsReportedAndNotRetriedAtOnce() throws {
    let arrivals = Arrivals()
    let server = try ClassServer(code: ClassCode("TIGER-100")!, port: 0, loopbackOnly: true) { arrivals.record($0) }
    server.start()
    defer { server.stop() }
    let outbox = MemoryOutbox()
    let sender = Self.sender(port: server.port, outbox: outbox)
    #expect(sender.greet() == .refused("wrong class code"))
    sender.start()
    defer { sender.finish(within: 0) }
    _ = Self.add(3, to: outbox, sender: sender)
    #expect(eventually { sender.status == .refused("wrong class code") })
    usleep(300_000)
    #expect(outbox.count == 3)
    #expect(arrivals.all.isEmpty)
  }

  @Test func aServerVanishingMidSendLosesAndRepeatsNothing() throws {
    let arrivals = Arrivals()
    let first = try ClassServer(code: testCode, port: 0, loopbackOnly: true) { arrivals.record($0) }
    first.start()
    let outbox = MemoryOutbox()
    let sender = Self.sender(port: first.port, outbox: outbox)
    sender.start()
    defer { sender.finish(within: 0) }
    var longest = Self.add(100, to: outbox, sender: sender)
    // The instructor's machine goes away with events in flight…
    first.stop()
    longest = max(longest, Self.add(25, to: outbox, sender: sender))
    #expect(outbox.count > 0)
    // …and comes back knowing what it held, as a server started again reads its log.
    let held = arrivals.events(of: "lea").last?.number ?? 0
    let second = try ClassServer(code: testCode, port: first.port, loopbackOnly: true, held: ["lea": held]) {
      arrivals.record($0)
    }
    second.start()
    defer { second.stop() }
    #expect(eventually { outbox.count == 0 })
    #expect(arrivals.events(of: "lea").map(\.number) == Array(1...125))
    #expect(longest < .milliseconds(100))
  }

  @Test func aConnectionTheServerClosedWhileIdleIsReplacedAtOnce() throws {
    var limits = ServerLimits()
    limits.idleSeconds = 0.2
    let arrivals = Arrivals()
    let server = try ClassServer(code: testCode, port: 0, loopbackOnly: true, limits: limits) { arrivals.record($0) }
    server.start()
    defer { server.stop() }
    var slow = Self.quick
    slow.retrySeconds = [30]
    let outbox = MemoryOutbox()
    let sender = ClassSender(
      host: "127.0.0.1", port: server.port, hello: .init(code: testCode.text, learner: "ida", name: "Ida"),
      outbox: outbox, timing: slow)
    sender.start()
    defer { sender.finish(within: 0) }
    _ = Self.add(1, to: outbox, sender: sender)
    #expect(eventually { outbox.count == 0 })
    // The server closes the idle connection; the next event goes on a new one, not 30 s later.
    #expect(eventually { server.connectionCount == 0 })
    _ = Self.add(1, to: outbox, sender: sender)
    #expect(eventually(within: 10) { outbox.count == 0 })
    #expect(arrivals.events(of: "ida").map(\.number) == [1, 2])
  }
}
