#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One connection the server holds: what it has read and not yet taken, what waits to be sent,
/// who it says it is, and its allowance of lines (see `ServerLimits`).
final class ClientConnection {
  /// The socket.
  let descriptor: Int32
  /// The peer's address, as text.
  let peer: String
  /// When it was accepted (the server's clock).
  let opened: Double
  /// When it last sent a line.
  var lastHeard: Double
  /// Bytes read, cut into lines.
  var lines = LineBuffer(limit: MessageLimits.lineBytes)
  /// Whether `lines` may hold a whole line not yet taken.
  var mayHoldLine = false
  /// Bytes waiting to be sent.
  var outgoing: [UInt8] = []
  /// The hello it gave; nil until then.
  var hello: ClientMessage.Hello?
  /// Lines it may still send now; refilled with time.
  var allowance: Double
  /// Whether an acknowledgement is owed for events taken since the last one.
  var owesAcknowledgement = false
  /// Whether it has been closed (it is dropped from the server's list at the end of the round).
  var isClosed = false

  /// A new connection, accepted at `now`, with a full allowance of `burst` lines.
  init(descriptor: Int32, peer: String, now: Double, burst: Double) {
    self.descriptor = descriptor
    self.peer = peer
    self.opened = now
    self.lastHeard = now
    self.allowance = burst
  }

  /// The events to poll for: input while it may send lines, output while bytes wait.
  var interest: Int16 {
    var events: Int16 = 0
    if allowance >= 1 { events |= Int16(POLLIN) }
    if !outgoing.isEmpty { events |= Int16(POLLOUT) }
    return events
  }

  /// Sends what waits, as much as the socket takes now; false when the peer has gone.
  func sendWaiting() -> Bool {
    guard !outgoing.isEmpty else { return true }
    switch TCPSockets.write(descriptor, outgoing[...]) {
    case .wrote(let count):
      outgoing.removeFirst(count)
      return true
    case .wouldBlock: return true
    case .closed: return false
    }
  }

  /// Closes the socket.
  func close() {
    guard !isClosed else { return }
    isClosed = true
    TCPSockets.close(descriptor)
  }
}
