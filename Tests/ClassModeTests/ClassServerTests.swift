import Foundation
import Testing

@testable import ClassMode

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The server with well-behaved clients: hellos, events in order, once each.
@Suite struct ClassServerTests {
  /// A server on a free loopback port, handing on to `arrivals`.
  static func server(
    _ arrivals: Arrivals, limits: ServerLimits = ServerLimits(), held: [String: Int] = [:]
  ) throws -> ClassServer {
    let server = try ClassServer(code: testCode, port: 0, loopbackOnly: true, limits: limits, held: held) {
      arrivals.record($0)
    }
    server.start()
    return server
  }

  @Test func takesAHelloThenEventsInOrderAndAcknowledgesEach() throws {
    let arrivals = Arrivals()
    let server = try Self.server(arrivals)
    defer { server.stop() }
    let client = try TestClient(port: server.port)
    client.send(hello("ana", name: "Ana"))
    #expect(client.reply() == .welcome(have: 0))
    client.send(step(1))
    #expect(client.reply() == .acknowledged(have: 1))
    client.send(step(2).line + step(3).line)
    #expect(eventually { arrivals.events(of: "ana").count == 3 })
    #expect(arrivals.all.first == .joined(learner: "ana", name: "Ana"))
    #expect(arrivals.events(of: "ana").map(\.number) == [1, 2, 3])
  }

  @Test func anEventSentAgainIsTakenOnceAndTheWelcomeSaysWhereToGoOn() throws {
    let arrivals = Arrivals()
    let server = try Self.server(arrivals)
    defer { server.stop() }
    let first = try TestClient(port: server.port)
    first.send(hello("bo"))
    _ = first.reply()
    first.send(step(1).line + step(2).line)
    #expect(eventually { arrivals.events(of: "bo").count == 2 })
    // The learner's `lesson` lost the acknowledgement, connects again, and sends 2 again.
    let second = try TestClient(port: server.port)
    second.send(hello("bo"))
    #expect(second.reply() == .welcome(have: 2))
    second.send(step(2).line + step(3).line)
    #expect(eventually { arrivals.events(of: "bo").count == 3 })
    usleep(100_000)
    #expect(arrivals.events(of: "bo").map(\.number) == [1, 2, 3])
  }

  @Test func aServerStartedAgainKnowsWhatItHeld() throws {
    let arrivals = Arrivals()
    let server = try Self.server(arrivals, held: ["cy": 5])
    defer { server.stop() }
    let client = try TestClient(port: server.port)
    client.send(hello("cy"))
    #expect(client.reply() == .welcome(have: 5))
    client.send(step(5).line + step(6).line)
    #expect(eventually { arrivals.events(of: "cy").count == 1 })
    #expect(arrivals.events(of: "cy").map(\.number) == [6])
  }

  @Test func anEventBeforeAHelloIsRefused() throws {
    let arrivals = Arrivals()
    let server = try Self.server(arrivals)
    defer { server.stop() }
    let client = try TestClient(port: server.port)
    client.send(step(1))
    #expect(client.reply() == .refused(reason: "say hello with the class code first"))
    #expect(client.isClosedByServer())
    #expect(arrivals.all.isEmpty)
  }

  @Test func aTakenPortIsNamedWithWhatToDo() throws {
    let server = try Self.server(Arrivals())
    defer { server.stop() }
    #expect {
      try ClassServer(code: testCode, port: server.port, loopbackOnly: true) { _ in }
    } throws: { error in
      guard case .cannotListen(let port, _) = error as? SocketError else { return false }
      return port == server.port && "\(error)".contains("--port")
    }
  }

  @Test func stoppingClosesEveryConnection() throws {
    let server = try Self.server(Arrivals())
    let client = try TestClient(port: server.port)
    client.send(hello("di"))
    _ = client.reply()
    server.stop()
    #expect(client.isClosedByServer())
    #expect(server.connectionCount == 0)
  }

  @Test func aReadWithNoRoomIsNotTakenForAClosedConnection() throws {
    let server = try Self.server(Arrivals())
    defer { server.stop() }
    let client = try TestClient(port: server.port)
    client.send(hello("ivy"))
    // The welcome is waiting to be read, but there is no room for it.
    var polled = [pollfd(fd: client.descriptor, events: Int16(POLLIN), revents: 0)]
    #expect(TCPSockets.poll(&polled, milliseconds: 10_000) == 1)
    var buffer: [UInt8] = []
    #expect(TCPSockets.read(client.descriptor, into: &buffer, limit: 0) == .wouldBlock)
    #expect(buffer.isEmpty)
    #expect(client.reply() == .welcome(have: 0))
  }
}
