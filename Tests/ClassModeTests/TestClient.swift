import Foundation

@testable import ClassMode

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A raw client for tests: sends whatever bytes a test gives (well-formed or hostile) and reads the
/// server's lines, each wait bounded.
final class TestClient {
  let descriptor: Int32
  private var lines = LineBuffer(limit: 1 << 16)

  /// Connects to the loopback address at `port`, with a receive buffer of `receiveBuffer` bytes if
  /// given.
  init(port: Int, receiveBuffer: Int? = nil) throws {
    descriptor = try TCPSockets.connect(host: "127.0.0.1", port: port, timeout: 10, receiveBuffer: receiveBuffer)
  }

  deinit {
    TCPSockets.close(descriptor)
  }

  /// Sends every byte, waiting at most `seconds` in all; returns how many were taken (fewer when
  /// the server stopped reading or closed).
  @discardableResult
  func send(_ bytes: [UInt8], within seconds: Double = 2) -> Int {
    let deadline = Date(timeIntervalSinceNow: seconds)
    var sent = 0
    while sent < bytes.count && Date() < deadline {
      switch TCPSockets.write(descriptor, bytes[sent...]) {
      case .wrote(let count): sent += count
      case .wouldBlock:
        var polled = [pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)]
        TCPSockets.poll(&polled, milliseconds: 20)
      case .closed: return sent
      }
    }
    return sent
  }

  /// Sends a message.
  func send(_ message: ClientMessage) {
    send(message.line)
  }

  /// The server's next message, or nil when none comes within `seconds` or the connection closed.
  func reply(within seconds: Double = 10) -> ServerMessage? {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while true {
      if let line = lines.nextLine() { return try? ServerMessage(line: line) }
      switch lines.read({ TCPSockets.read(descriptor, into: &$0, limit: $1) }) {
      case .bytes: continue
      case .closed: return nil
      case .wouldBlock:
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else { return nil }
        var polled = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        TCPSockets.poll(&polled, milliseconds: Int32(min(left, 0.05) * 1000) + 1)
      }
    }
  }

  /// Whether the server has closed the connection, waiting at most `seconds` to see it (bytes
  /// waiting before the end are read and dropped).
  func isClosedByServer(within seconds: Double = 10) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    var scratch: [UInt8] = []
    while Date() < deadline {
      scratch.removeAll(keepingCapacity: true)
      switch TCPSockets.read(descriptor, into: &scratch, limit: 65_536) {
      case .closed: return true
      case .bytes: continue
      case .wouldBlock:
        var polled = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        TCPSockets.poll(&polled, milliseconds: 20)
      }
    }
    return false
  }
}

/// Waits until `condition` holds, checking every 10 ms for at most `seconds` (long: the whole test
/// run shares two cores); returns whether it came to hold.
func eventually(within seconds: Double = 30, _ condition: () -> Bool) -> Bool {
  let deadline = Date(timeIntervalSinceNow: seconds)
  while Date() < deadline {
    if condition() { return true }
    usleep(10_000)
  }
  return condition()
}

/// What a server handed on, collected for a test to look at.
final class Arrivals: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [ClassServer.Arrival] = []

  /// Records an arrival (the server's `deliver`).
  func record(_ arrival: ClassServer.Arrival) {
    lock.withLock { list.append(arrival) }
  }

  /// Everything handed on so far, in order.
  var all: [ClassServer.Arrival] { lock.withLock { list } }

  /// The events handed on for `learner`, in order.
  func events(of learner: String) -> [NumberedEvent] {
    all.compactMap {
      guard case .event(learner, _, let numbered) = $0 else { return nil }
      return numbered
    }
  }
}

/// An outbox kept in memory, for senders in tests.
final class MemoryOutbox: EventOutbox, @unchecked Sendable {
  private let lock = NSLock()
  private var waiting: [NumberedEvent] = []
  private var next = 1

  /// Adds an event, numbering it after the last.
  @discardableResult
  func add(_ event: ProgressEvent) -> NumberedEvent {
    lock.withLock {
      let numbered = NumberedEvent(number: next, event: event)
      next += 1
      waiting.append(numbered)
      return numbered
    }
  }

  /// The events not yet held by the server.
  var count: Int { lock.withLock { waiting.count } }

  func claimSending() -> Bool { true }

  func releaseSending() {}

  func events(after have: Int, limit: Int) -> [NumberedEvent] {
    lock.withLock { Array(waiting.filter { $0.number > have }.prefix(limit)) }
  }

  func serverHolds(upTo have: Int) {
    lock.withLock { waiting.removeAll { $0.number <= have } }
  }
}

/// A class code for tests.
let testCode = ClassCode("PANDA-421")!

/// A hello for the learner `learner`.
func hello(_ learner: String, name: String? = nil, code: String = "PANDA-421") -> ClientMessage {
  .hello(ClientMessage.Hello(code: code, learner: learner, name: name ?? learner))
}

/// A step event numbered `number`.
func step(_ number: Int, episode: Int = 1) -> ClientMessage {
  .event(NumberedEvent(number: number, event: .reachedStep(episode: episode, step: number, of: 9_999)))
}
