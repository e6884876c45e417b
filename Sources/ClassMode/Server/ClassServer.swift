import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The instructor's server (`lesson class start`): listens on the local network, takes each
/// learner's progress events in order, once each, and hands them on as they arrive.
///
/// Every client is a stranger. One thread polls every socket without ever waiting on one; each
/// line is checked against `MessageLimits` before use; a connection must give the class code in its
/// first line; and `ServerLimits` bounds what any client can take (connections, lines a second,
/// bytes held). A line that breaks a rule gets a one-line refusal and the connection is closed.
///
/// Each learner numbers its events from 1. The server keeps, for each learner, the number of the
/// last event it took; it takes an event only with a greater number, and acknowledges with that
/// number, so an event sent twice (after a lost acknowledgement) is taken once, and the learner
/// sends from the next. A learner's `lesson` sends from one process at a time, in order.
public final class ClassServer: @unchecked Sendable {
  /// What the server hands on, on its own thread, as it happens.
  public enum Arrival: Equatable, Sendable {
    /// A learner connected with the right code.
    case joined(learner: String, name: String)
    /// A learner's event, taken for the first time.
    case event(learner: String, name: String, NumberedEvent)
  }

  /// The port the server listens on.
  public let port: Int
  private let code: ClassCode
  private let limits: ServerLimits
  private let listener: Int32
  private let deliver: @Sendable (Arrival) -> Void
  private let clock: @Sendable () -> Double
  private let lock = NSLock()
  private let finished = DispatchSemaphore(value: 0)

  // Touched by the server's thread only, once started.
  private var connections: [ClientConnection] = []
  private var held: [String: Int]
  private var wrongCodes: [String: (count: Int, until: Double)] = [:]
  /// How many learners each address has brought into the class.
  private var newLearners: [String: Int] = [:]
  private var lastRefill: Double
  private var listenerRestsUntil = 0.0

  // Shared with other threads, under `lock`.
  private var stopping = false
  private var isRunning = false
  private var openConnections = 0

  /// Listens on `port` (0: any free one; see `port`) on every address of this machine, or on the
  /// loopback address alone when `loopbackOnly`, for the class `code`. `held` is the number of the
  /// last event already taken from each learner (from the class log, when a class is resumed).
  /// `deliver` is called on the server's thread; `clock` gives seconds, for tests.
  ///
  /// - Throws: `SocketError.cannotListen` when the port is taken or not allowed.
  public init(
    code: ClassCode, port: Int, loopbackOnly: Bool = false, limits: ServerLimits = ServerLimits(),
    held: [String: Int] = [:], clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime },
    deliver: @escaping @Sendable (Arrival) -> Void
  ) throws(SocketError) {
    let openFiles = TCPSockets.raiseOpenFileLimit(to: limits.connections + 64)
    var limits = limits
    // Never more connections than descriptors: the log, the terminal and the rest need some.
    if openFiles > 0 { limits.connections = max(1, min(limits.connections, openFiles - 32)) }
    self.listener = try TCPSockets.listen(port: port, loopbackOnly: loopbackOnly)
    self.port = TCPSockets.port(of: listener)
    self.code = code
    self.limits = limits
    self.held = held
    self.clock = clock
    self.deliver = deliver
    self.lastRefill = clock()
  }

  deinit {
    if !lock.withLock({ isRunning }) { TCPSockets.close(listener) }
  }

  /// Connections open now.
  public var connectionCount: Int { lock.withLock { openConnections } }

  /// Starts serving on a thread of its own.
  public func start() {
    lock.withLock { isRunning = true }
    let thread = Thread { [self] in
      serve()
      finished.signal()
    }
    thread.name = "class server"
    thread.start()
  }

  /// Stops serving, closes every connection and the listening socket, and returns once the thread
  /// has ended.
  public func stop() {
    guard
      lock.withLock({ () -> Bool in
        defer { stopping = true }
        return isRunning && !stopping
      })
    else { return }
    finished.wait()
  }

  // MARK: - The loop

  private func serve() {
    while !lock.withLock({ stopping }) {
      let now = clock()
      refillAllowances(now)
      closeExpired(now)
      // The listener rests a moment when no descriptor is left for a new connection: it would
      // stay ready, and the loop would spin.
      var polled = [pollfd(fd: listener, events: now < listenerRestsUntil ? 0 : Int16(POLLIN), revents: 0)]
      polled += connections.map { pollfd(fd: $0.descriptor, events: $0.interest, revents: 0) }
      let mayHoldLine = connections.contains { $0.mayHoldLine && $0.allowance >= 1 }
      TCPSockets.poll(&polled, milliseconds: mayHoldLine ? 0 : 50)
      for (connection, state) in zip(connections, polled.dropFirst()) {
        serve(connection, events: state.revents, now: clock())
      }
      if polled[0].revents & Int16(POLLIN) != 0 { acceptWaiting(now: clock()) }
      connections.removeAll { $0.isClosed }
      lock.withLock { openConnections = connections.count }
    }
    for connection in connections { connection.close() }
    connections.removeAll()
    TCPSockets.close(listener)
    lock.withLock { openConnections = 0 }
  }

  private func serve(_ connection: ClientConnection, events: Int16, now: Double) {
    guard !connection.isClosed else { return }
    if events & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
      let outcome = connection.lines.read { TCPSockets.read(connection.descriptor, into: &$0, limit: $1) }
      switch outcome {
      case .bytes:
        connection.mayHoldLine = true
        connection.lastHeard = now
      case .wouldBlock: break
      case .closed:
        // The peer has gone; lines it sent before going are still taken.
        takeLines(from: connection)
        connection.close()
        return
      }
    }
    takeLines(from: connection)
    if connection.owesAcknowledgement, let hello = connection.hello {
      connection.owesAcknowledgement = false
      send(.acknowledged(have: held[hello.learner] ?? 0), to: connection)
    }
    if !connection.isClosed && !connection.sendWaiting() { connection.close() }
  }

  /// Takes the whole lines `connection` has sent, as far as its allowance goes.
  private func takeLines(from connection: ClientConnection) {
    while !connection.isClosed && connection.allowance >= 1 {
      guard let line = connection.lines.nextLine() else {
        connection.mayHoldLine = false
        if connection.lines.isOverLimit {
          refuse(connection, "a line is longer than \(MessageLimits.lineBytes) bytes")
        }
        return
      }
      connection.allowance -= 1
      do throws(MessageError) {
        take(try ClientMessage(line: line), from: connection)
      } catch {
        if let number = error.eventNumber, let hello = connection.hello {
          // Passed over by its number, so the learner's queue moves on.
          held[hello.learner] = max(held[hello.learner] ?? 0, number)
          connection.owesAcknowledgement = true
        } else {
          refuse(connection, error.description)
        }
      }
    }
  }

  private func take(_ message: ClientMessage, from connection: ClientConnection) {
    switch message {
    case .hello(let hello):
      guard connection.hello == nil else { return refuse(connection, "hello was already said") }
      let now = clock()
      if let shutOut = wrongCodes[connection.peer], shutOut.count >= limits.wrongCodesPerAddress,
        shutOut.until > now
      {
        return refuse(connection, "too many wrong codes from this address: try again in a minute")
      }
      guard ClassCode(hello.code) == code else {
        let count = (wrongCodes[connection.peer]?.count ?? 0) + 1
        wrongCodes[connection.peer] = (count, now + limits.shutOutSeconds)
        return refuse(connection, "wrong class code")
      }
      let isNewLearner = held[hello.learner] == nil
      guard !isNewLearner || held.count < limits.learners else {
        return refuse(connection, "the class is full (\(limits.learners) learners)")
      }
      guard !isNewLearner || (newLearners[connection.peer] ?? 0) < limits.learnersPerAddress else {
        return refuse(connection, "too many learners from this address (\(limits.learnersPerAddress))")
      }
      if isNewLearner { newLearners[connection.peer, default: 0] += 1 }
      // A learner's `lesson` connects again when its last connection failed: the old one goes.
      for other in connections where other !== connection && other.hello?.learner == hello.learner {
        other.close()
      }
      connection.hello = hello
      let have = held[hello.learner] ?? 0
      held[hello.learner] = have
      deliver(.joined(learner: hello.learner, name: hello.name))
      send(.welcome(have: have), to: connection)
    case .event(let numbered):
      guard let hello = connection.hello else { return refuse(connection, "say hello with the class code first") }
      if numbered.number > held[hello.learner] ?? 0 {
        held[hello.learner] = numbered.number
        deliver(.event(learner: hello.learner, name: hello.name, numbered))
      }
      connection.owesAcknowledgement = true
    }
  }

  // MARK: - Limits

  private func acceptWaiting(now: Double) {
    // A bounded number per round, so a flood of connections cannot starve the others.
    for _ in 0..<64 {
      let descriptor: Int32
      let peer: String
      switch TCPSockets.accept(from: listener) {
      case .connection(let accepted, let address): (descriptor, peer) = (accepted, address)
      case .none: return
      case .outOfDescriptors:
        listenerRestsUntil = now + 0.1
        return
      }
      // Past a limit, the newcomer takes the place of the oldest connection that has not said
      // hello (from its own address first); when every one has, the newcomer is closed.
      let open = connections.filter { !$0.isClosed }
      let fromPeer = open.filter { $0.peer == peer }
      let hasRoom =
        (fromPeer.count < limits.connectionsPerAddress || closeOldestWithoutHello(among: fromPeer))
        && (open.count < limits.connections || closeOldestWithoutHello(among: open))
      if hasRoom {
        connections.append(ClientConnection(descriptor: descriptor, peer: peer, now: now, burst: limits.lineBurst))
      } else {
        TCPSockets.close(descriptor)
      }
    }
  }

  /// Closes the oldest of `candidates` that has not said hello; false when each of them has.
  private func closeOldestWithoutHello(among candidates: [ClientConnection]) -> Bool {
    guard let oldest = candidates.first(where: { $0.hello == nil }) else { return false }
    oldest.close()
    connections.removeAll { $0 === oldest }
    return true
  }

  private func refillAllowances(_ now: Double) {
    let elapsed = max(now - lastRefill, 0)
    lastRefill = now
    for connection in connections {
      connection.allowance = min(connection.allowance + elapsed * limits.linesPerSecond, limits.lineBurst)
    }
    wrongCodes = wrongCodes.filter { $0.value.until > now }
  }

  private func closeExpired(_ now: Double) {
    for connection in connections {
      let waited = now - (connection.hello == nil ? connection.opened : connection.lastHeard)
      if waited > (connection.hello == nil ? limits.helloSeconds : limits.idleSeconds) { connection.close() }
    }
  }

  private func send(_ message: ServerMessage, to connection: ClientConnection) {
    guard connection.outgoing.count + message.line.count <= limits.outgoingBytes else {
      // A client that stops reading its acknowledgements is dropped rather than buffered for.
      connection.close()
      return
    }
    connection.outgoing += message.line
  }

  /// Sends the reason (as far as the socket takes it now) and closes the connection.
  private func refuse(_ connection: ClientConnection, _ reason: String) {
    connection.outgoing += ServerMessage.refused(reason: reason).line
    _ = connection.sendWaiting()
    connection.close()
  }
}
