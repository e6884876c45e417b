import Foundation
import Testing
import ZlibCodecsTestSupport

@testable import ClassMode

/// Strangers on the network: the server refuses them, bounds what they hold, and goes on serving
/// the class meanwhile.
@Suite(.serialized) struct HostileClientTests {
  /// Whether a learner can still join and have an event taken within a second or two.
  func classIsServed(_ server: ClassServer, _ arrivals: Arrivals, learner: String) throws -> Bool {
    let client = try TestClient(port: server.port)
    client.send(hello(learner))
    guard client.reply() == .welcome(have: 0) else { return false }
    client.send(step(1))
    return client.reply() == .acknowledged(have: 1) && arrivals.events(of: learner).count == 1
  }

  @Test func aWrongCodeIsRefusedAndTooManyShutTheAddressOut() throws {
    var limits = ServerLimits()
    limits.wrongCodesPerAddress = 3
    let arrivals = Arrivals()
    let server = try ClassServerTests.server(arrivals, limits: limits)
    defer { server.stop() }
    for _ in 0..<3 {
      let guesser = try TestClient(port: server.port)
      guesser.send(hello("eve", code: "TIGER-100"))
      #expect(guesser.reply() == .refused(reason: "wrong class code"))
      #expect(guesser.isClosedByServer())
    }
    // Now even the right code is refused from this address, for `shutOutSeconds`.
    let late = try TestClient(port: server.port)
    late.send(hello("eve"))
    #expect(late.reply() == .refused(reason: "too many wrong codes from this address: try again in a minute"))
    #expect(arrivals.all.isEmpty)
  }

  @Test func garbageBytesEndTheirConnectionOnly() throws {
    let arrivals = Arrivals()
    let server = try ClassServerTests.server(arrivals)
    defer { server.stop() }
    let learner = try TestClient(port: server.port)
    learner.send(hello("ann"))
    #expect(learner.reply() == .welcome(have: 0))
    var generator = SeededGenerator(state: 7)
    for _ in 0..<20 {
      let stranger = try TestClient(port: server.port)
      stranger.send((0..<500).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0x0A])
      #expect(stranger.isClosedByServer())
    }
    learner.send(step(1))
    #expect(learner.reply() == .acknowledged(have: 1))
  }

  @Test func aTenMegabyteLineIsCutOffWithoutBeingHeld() throws {
    let arrivals = Arrivals()
    let server = try ClassServerTests.server(arrivals)
    defer { server.stop() }
    let flooder = try TestClient(port: server.port)
    let sent = flooder.send(Array(repeating: UInt8(ascii: "a"), count: 10 << 20), within: 3)
    // The server read at most a line's worth, refused, and closed: most of the 10 MB never left.
    #expect(flooder.isClosedByServer())
    #expect(sent < 10 << 20)
    #expect(try classIsServed(server, arrivals, learner: "bea"))
  }

  @Test func aThousandIdleConnectionsDoNotKeepTheClassOut() throws {
    TCPSockets.raiseOpenFileLimit(to: 4_096)
    let arrivals = Arrivals()
    var limits = ServerLimits()
    limits.helloSeconds = 30
    let server = try ClassServerTests.server(arrivals, limits: limits)
    defer { server.stop() }
    let idle = try (0..<1_000).map { _ in try TestClient(port: server.port) }
    #expect(eventually { server.connectionCount == limits.connections })
    // Each newcomer takes the place of the oldest connection that never said hello.
    for learner in 0..<20 {
      #expect(try classIsServed(server, arrivals, learner: "learner\(learner)"))
    }
    #expect(server.connectionCount <= limits.connections)
    #expect(idle.count == 1_000)
  }

  @Test func aConnectionThatNeverSaysHelloIsClosedInTime() throws {
    var limits = ServerLimits()
    limits.helloSeconds = 0.3
    let server = try ClassServerTests.server(Arrivals(), limits: limits)
    defer { server.stop() }
    let silent = try TestClient(port: server.port)
    #expect(silent.isClosedByServer(within: 3))
  }

  @Test func aClientThatStopsReadingIsDroppedNotBufferedFor() throws {
    var limits = ServerLimits()
    limits.outgoingBytes = 4_096
    limits.linesPerSecond = 100_000
    limits.lineBurst = 100_000
    let arrivals = Arrivals()
    let server = try ClassServerTests.server(arrivals, limits: limits)
    defer { server.stop() }
    let client = try TestClient(port: server.port)
    client.send(hello("cal"))
    // A stream of events, never reading a reply: each batch owes an acknowledgement, and once
    // the socket's buffers and the server's allowance of 4 KiB are full, the client is dropped.
    var number = 0
    var closed = false
    let deadline = Date(timeIntervalSinceNow: 10)
    while !closed && Date() < deadline {
      let batch = (0..<50).flatMap { _ -> [UInt8] in
        number += 1
        return step(number).line
      }
      closed = client.send(batch, within: 0.2) < batch.count && client.isClosedByServer(within: 0.2)
    }
    #expect(closed)
    #expect(try classIsServed(server, arrivals, learner: "dot"))
  }

  @Test func aFloodIsTakenAtTheStatedRateWhileOthersAreServed() throws {
    var limits = ServerLimits()
    limits.linesPerSecond = 100
    limits.lineBurst = 10
    let arrivals = Arrivals()
    let server = try ClassServerTests.server(arrivals, limits: limits)
    defer { server.stop() }
    let flooder = try TestClient(port: server.port)
    flooder.send(hello("fay"))
    _ = flooder.reply()
    let started = Date()
    flooder.send((1...200).flatMap { step($0).line })
    #expect(try classIsServed(server, arrivals, learner: "gus"))
    // The burst of 10 at once, then 100 lines a second: the 200 take 1.9 s at least.
    #expect(eventually { arrivals.events(of: "fay").count == 200 })
    #expect(Date().timeIntervalSince(started) >= 1.8)
  }

  @Test func namesWithEscapeSequencesNeverReachTheTerminal() throws {
    // A name with ESC is refused at the door…
    let arrivals = Arrivals()
    let server = try ClassServerTests.server(arrivals)
    defer { server.stop() }
    let client = try TestClient(port: server.port)
    client.send(
      Array(#"{"type":"hello","version":1,"code":"PANDA-421","learner":"x1","name":"\u001b]0;owned\u0007"}"#.utf8) + [
        0x0A
      ])
    #expect(client.reply()?.isRefusal == true)
    // …and any other text a learner sends is escaped wherever it is shown.
    let sentence = EventWording.sentence(
      .event(
        learner: "x2", name: "Ana\u{202E}",
        NumberedEvent(number: 1, event: .answered(question: "q", right: false, given: "\u{1B}[2J"))),
      syllabus: ClassSyllabus(episodes: [], episodeOfExercise: [:]))
    #expect(!sentence.contains("\u{1B}"))
    #expect(!sentence.contains("\u{202E}"))
  }
}

extension ServerMessage {
  var isRefusal: Bool {
    if case .refused = self { return true }
    return false
  }
}
