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
    // Every connection here comes from the loopback address: the test is of the whole server's
    // limit, so the limits per address are set out of the way (the next test is of those).
    limits.connectionsPerAddress = 2_000
    limits.learnersPerAddress = 100
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

  @Test func oneAddressCannotTakeEveryPlaceNorFillTheClass() throws {
    var limits = ServerLimits()
    limits.connectionsPerAddress = 4
    limits.learnersPerAddress = 3
    let arrivals = Arrivals()
    let server = try ClassServerTests.server(arrivals, limits: limits)
    defer { server.stop() }
    let idle = try (0..<10).map { _ in try TestClient(port: server.port) }
    #expect(eventually { server.connectionCount == 4 })
    usleep(200_000)
    #expect(server.connectionCount == 4)
    // A learner from the same address still gets in, in the place of an idle connection.
    #expect(try classIsServed(server, arrivals, learner: "one"))
    #expect(try classIsServed(server, arrivals, learner: "two"))
    #expect(try classIsServed(server, arrivals, learner: "three"))
    let fourth = try TestClient(port: server.port)
    fourth.send(hello("four"))
    #expect(fourth.reply() == .refused(reason: "too many learners from this address (3)"))
    #expect(idle.count == 10)
  }

  @Test func aLearnersNewConnectionReplacesTheirOldOne() throws {
    let arrivals = Arrivals()
    let server = try ClassServerTests.server(arrivals)
    defer { server.stop() }
    let old = try TestClient(port: server.port)
    old.send(hello("eli"))
    #expect(old.reply() == .welcome(have: 0))
    let new = try TestClient(port: server.port)
    new.send(hello("eli"))
    #expect(new.reply() == .welcome(have: 0))
    #expect(old.isClosedByServer())
    new.send(step(1))
    #expect(new.reply() == .acknowledged(have: 1))
  }

  @Test func anEventThisServerCannotTakeIsPassedOverNotTheQueue() throws {
    let arrivals = Arrivals()
    let server = try ClassServerTests.server(arrivals)
    defer { server.stop() }
    let client = try TestClient(port: server.port)
    client.send(hello("flo"))
    _ = client.reply()
    // Event 1 is of a kind a newer lesson might send; event 2 is ordinary.
    client.send(Array(#"{"type":"event","seq":1,"kind":"dance"}"#.utf8) + [0x0A] + step(2).line)
    #expect(eventually { arrivals.events(of: "flo").count == 1 })
    #expect(arrivals.events(of: "flo").map(\.number) == [2])
    #expect(!client.isClosedByServer(within: 0.3))
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
    // A small receive buffer, never read: once the system's buffers are full, each event's
    // acknowledgement waits in the server, and past 4 KiB the client is dropped.
    let client = try TestClient(port: server.port, receiveBuffer: 1_024)
    client.send(hello("cal"))
    var number = 0
    let deadline = Date(timeIntervalSinceNow: 60)
    while client.send(step(number % 9_999 + 1, episode: number / 9_999 + 1).line, within: 0.5) > 0 && Date() < deadline
    {
      number += 1
      usleep(100)
    }
    #expect(client.isClosedByServer())
    #expect(arrivals.events(of: "cal").count > 100)
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
