/// Where a learner's events wait until the instructor's server holds them. The learner's workspace
/// keeps them in a file (so that events from a `lesson check` that ended, or sent while the
/// instructor's machine was away, go later); tests keep them in memory.
public protocol EventOutbox: AnyObject, Sendable {
  /// Whether this process may send now. Several `lesson` processes may share one workspace; one at
  /// a time sends, so that the server receives each learner's events in order.
  func claimSending() -> Bool
  /// Lets another process send: this one's sender has stopped.
  func releaseSending()
  /// The events waiting with numbers greater than `have`, oldest first, at most `limit` of them.
  func events(after have: Int, limit: Int) -> [NumberedEvent]
  /// Records that the server holds every event up to number `have`, which need not wait any more.
  func serverHolds(upTo have: Int)
}
