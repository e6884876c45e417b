import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sends a learner's waiting events to the instructor's server from a thread of its own, so that
/// the walk never waits for the network: telling it that events wait (`eventsWaiting()`) takes a
/// lock and a signal, nothing more.
///
/// The thread connects, says hello with the class code, and learns from the welcome which events
/// the server already holds; it then sends the rest in order and forgets each as its
/// acknowledgement comes. When the server cannot be reached, refuses, or stops answering, the
/// connection is dropped and tried again later, waiting longer each time (`Timing.retrySeconds`);
/// the events wait meanwhile, in the outbox, which bounds their number.
public final class ClassSender: @unchecked Sendable {
  /// How long the sender waits for the network, in seconds.
  public struct Timing: Sendable {
    /// To connect.
    public var connect = 1.0
    /// For the server's answer to a hello or to events sent.
    public var reply = 2.0
    /// Before connecting again after a failure: the first, second… wait (the last repeats).
    public var retrySeconds = [1.0, 2, 4, 8, 15]
    /// Before connecting again after a refusal (a wrong code, a full class).
    public var afterRefusal = 60.0
    /// Between looks at the outbox when nothing was said (another process may have added events).
    public var look = 1.0

    /// The defaults above.
    public init() {}
  }

  /// What the sender last did (or what `greet` found).
  public enum Status: Equatable, Sendable {
    /// Nothing tried yet.
    case idle
    /// Connected, and every event sent so far is held by the server.
    case connected
    /// The last try failed, for this reason; another comes later.
    case unreachable(String)
    /// The server refused, for this reason.
    case refused(String)
  }

  private let host: String
  private let port: Int
  private let hello: ClientMessage.Hello
  private let outbox: any EventOutbox
  private let timing: Timing
  private let condition = NSCondition()
  private let clock: @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }

  // Shared, under `condition`.
  private var woken = false
  private var stopping = false
  private var busy = false
  private var currentStatus = Status.idle

  // The thread's own.
  private var socket: Int32?
  private var replies = LineBuffer(limit: MessageLimits.lineBytes)
  private var failures = 0
  /// The number of the last event the server is known to hold.
  private var held = 0
  private var retryAt = 0.0

  /// A sender to `host`:`port` for the learner `hello` names, of the events in `outbox`.
  public init(host: String, port: Int, hello: ClientMessage.Hello, outbox: any EventOutbox, timing: Timing = Timing()) {
    self.host = host
    self.port = port
    self.hello = hello
    self.outbox = outbox
    self.timing = timing
  }

  /// What the sender last did.
  public var status: Status { condition.withLock { currentStatus } }

  /// Starts the sending thread.
  public func start() {
    let thread = Thread { [self] in run() }
    thread.name = "class sender"
    thread.start()
  }

  /// Connects, says hello and disconnects, on the calling thread, waiting at most the `Timing`'s
  /// connect and reply times: for `lesson class join` to say at once whether the class is there.
  /// Call it before `start()`, never while the thread runs.
  public func greet() -> Status {
    defer { disconnect() }
    do throws(SendFailure) {
      try connect()
      return .connected
    } catch {
      return error.status
    }
  }

  /// Says that events were added to the outbox; returns at once.
  public func eventsWaiting() {
    condition.withLock {
      woken = true
      condition.signal()
    }
  }

  /// Gives the thread at most `seconds` to send what waits while the server is answering, then
  /// stops it: for a `lesson` command that is about to end. Returns at once when the server is not
  /// answering; what is not sent stays in the outbox for the next `lesson`.
  public func finish(within seconds: Double) {
    let deadline = Date(timeIntervalSinceNow: seconds)
    condition.withLock {
      woken = true
      condition.signal()
      // Wait while the thread has a round to do or is doing it, unless the server is not answering.
      while (woken || busy) && isAnswering {
        guard condition.wait(until: deadline) else { break }
      }
      stopping = true
      condition.signal()
    }
  }

  // MARK: - The thread

  /// Whether the last try reached the server (or none was made yet). Call under `condition`.
  private var isAnswering: Bool {
    switch currentStatus {
    case .idle, .connected: return true
    case .unreachable, .refused: return false
    }
  }

  private func run() {
    while true {
      let stop = condition.withLock { () -> Bool in
        if !woken && !stopping { _ = condition.wait(until: Date(timeIntervalSinceNow: timing.look)) }
        woken = false
        busy = !stopping
        return stopping
      }
      if stop { break }
      sendWaiting()
      condition.withLock {
        busy = false
        condition.broadcast()
      }
    }
    disconnect()
    outbox.releaseSending()
  }

  /// Sends what waits, if this process may and the retry time has come.
  private func sendWaiting() {
    guard outbox.claimSending(), clock() >= retryAt else { return }
    // A connection kept from an earlier round may have been closed by the server meanwhile (it
    // closes idle ones): when it fails, one fresh connection is tried at once.
    var mayRetryAtOnce = socket != nil
    while true {
      let waiting = outbox.events(after: held, limit: 100)
      guard !waiting.isEmpty else { return }
      do throws(SendFailure) {
        if socket == nil { try connect() }
        let unsent = waiting.filter { $0.number > held }
        if let last = unsent.last {
          try write(unsent.flatMap { ClientMessage.event($0).line })
          try awaitAcknowledgement(of: last.number)
        }
        failures = 0
        setStatus(.connected)
      } catch {
        disconnect()
        switch error {
        case .refused:
          retryAt = clock() + timing.afterRefusal
        case .unreachable where mayRetryAtOnce:
          mayRetryAtOnce = false
          continue
        case .unreachable:
          retryAt = clock() + timing.retrySeconds[min(failures, timing.retrySeconds.count - 1)]
          failures += 1
        }
        setStatus(error.status)
        return
      }
    }
  }

  /// Connects and says hello, and learns which events the server holds.
  private func connect() throws(SendFailure) {
    do throws(SocketError) {
      socket = try TCPSockets.connect(host: host, port: port, timeout: timing.connect)
    } catch {
      throw .unreachable(error.reason)
    }
    replies = LineBuffer(limit: MessageLimits.lineBytes)
    try write(ClientMessage.hello(hello).line)
    switch try reply() {
    case .welcome(let have): hold(upTo: have)
    case .acknowledged: throw .unreachable("the server answered out of turn")
    case .refused(let reason): throw .refused(reason)
    }
  }

  private func awaitAcknowledgement(of number: Int) throws(SendFailure) {
    while true {
      switch try reply() {
      case .acknowledged(let have):
        hold(upTo: have)
        if have >= number { return }
      case .welcome: throw .unreachable("the server answered out of turn")
      case .refused(let reason): throw .refused(reason)
      }
    }
  }

  /// Writes every byte, waiting at most `Timing.reply` for the socket to take them.
  private func write(_ bytes: [UInt8]) throws(SendFailure) {
    guard let socket else { throw .unreachable("not connected") }
    let deadline = clock() + timing.reply
    var sent = 0
    while sent < bytes.count {
      switch TCPSockets.write(socket, bytes[sent...]) {
      case .wrote(let count): sent += count
      case .wouldBlock: try wait(for: Int16(POLLOUT), until: deadline)
      case .closed: throw .unreachable("the connection closed")
      }
    }
  }

  /// The server's next line, waiting at most `Timing.reply`.
  private func reply() throws(SendFailure) -> ServerMessage {
    guard let socket else { throw .unreachable("not connected") }
    let deadline = clock() + timing.reply
    while true {
      if let line = replies.nextLine() {
        do throws(MessageError) {
          return try ServerMessage(line: line)
        } catch {
          throw .unreachable("the server sent something this lesson does not understand")
        }
      }
      guard !replies.isOverLimit else { throw .unreachable("the server sent a line too long") }
      switch replies.read({ TCPSockets.read(socket, into: &$0, limit: $1) }) {
      case .bytes: continue
      case .wouldBlock: try wait(for: Int16(POLLIN), until: deadline)
      case .closed: throw .unreachable("the server closed the connection")
      }
    }
  }

  private func wait(for events: Int16, until deadline: Double) throws(SendFailure) {
    guard let socket else { throw .unreachable("not connected") }
    let left = deadline - clock()
    var polled = [pollfd(fd: socket, events: events, revents: 0)]
    guard left > 0, TCPSockets.poll(&polled, milliseconds: Int32(left * 1000) + 1) > 0 else {
      throw .unreachable("no answer within \(String(format: "%g", timing.reply)) s")
    }
  }

  private func hold(upTo have: Int) {
    held = have
    outbox.serverHolds(upTo: have)
  }

  private func disconnect() {
    if let socket { TCPSockets.close(socket) }
    socket = nil
  }

  private func setStatus(_ status: Status) {
    condition.withLock { currentStatus = status }
  }

  /// Why sending stopped.
  private enum SendFailure: Error {
    case unreachable(String)
    case refused(String)

    /// The status it leaves the sender in.
    var status: Status {
      switch self {
      case .unreachable(let reason): return .unreachable(reason)
      case .refused(let reason): return .refused(reason)
      }
    }
  }
}
