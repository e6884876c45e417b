import Foundation

/// A `ClassRoom` that the server's thread changes while the dashboard reads it.
public final class SharedRoom: @unchecked Sendable {
  private let lock = NSLock()
  private var room: ClassRoom

  /// A shared room starting as `room`.
  public init(_ room: ClassRoom = ClassRoom()) {
    self.room = room
  }

  /// Takes in what the server handed on at `time` (seconds since 1970); returns whether it is news
  /// (see `ClassRoom.apply`).
  @discardableResult
  public func apply(_ arrival: ClassServer.Arrival, at time: Double) -> Bool {
    lock.withLock { room.apply(arrival, at: time) }
  }

  /// The room as it is now.
  public var snapshot: ClassRoom { lock.withLock { room } }
}
