/// What the instructor's server allows any one client, so that a slow, broken or hostile one can
/// neither stall the dashboard nor make the server's memory grow without bound. With the
/// defaults, the connections hold at most 256 × (2 KiB read + 16 KiB waiting to be sent): under
/// 5 MiB, whatever clients do. What the room keeps of the events is bounded by `ClassRoom`'s own
/// limits.
public struct ServerLimits: Sendable {
  /// Connections open at once. A connection past this replaces the oldest one that has not yet
  /// said hello; when every one has, it is closed at once.
  public var connections = 256
  /// Connections open at once from one address, under the same rule: one laptop cannot take
  /// every place.
  public var connectionsPerAddress = 16
  /// Seconds a new connection has to send a valid hello before it is closed.
  public var helloSeconds = 10.0
  /// Seconds a connection may stay silent after its hello before it is closed (a learner's
  /// `lesson` connects again when it has something to send).
  public var idleSeconds = 600.0
  /// Lines a connection may send each second, on average; past that the server stops reading it
  /// until the allowance refills, so the excess waits in the client's own buffers.
  public var linesPerSecond = 50.0
  /// Lines a connection may send at once before `linesPerSecond` applies: a learner's queue,
  /// kept while the server was away, arrives in a few seconds.
  public var lineBurst = 500.0
  /// Bytes waiting to be sent to one client; a client that stops reading is dropped past this.
  public var outgoingBytes = 16_384
  /// Wrong class codes one address may give before it is shut out.
  public var wrongCodesPerAddress = 10
  /// Seconds an address is shut out after too many wrong codes.
  public var shutOutSeconds = 60.0
  /// Distinct learners the room holds; hellos from more are refused.
  public var learners = 1_000
  /// Distinct learners one address may bring in: one laptop cannot fill the class with tokens.
  public var learnersPerAddress = 16

  /// The defaults above.
  public init() {}
}
