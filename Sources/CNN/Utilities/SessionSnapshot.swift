/// What the next random numbers and automatic layer names depend on, saved so that a stretch of
/// code can be run again from the same start: an exercise a learner retries sees the same initial
/// weights and layer names on every try, and what follows it the same numbers however many tries
/// there were.
///
///     let snapshot = SessionSnapshot.take()
///     for attempt in attempts {
///       snapshot.restore()
///       try attempt()
///     }
///     snapshot.restore()
public struct SessionSnapshot: Sendable {
  private let generator: RandomGenerator
  private let names: [String: Int]

  /// Saves the state of the current random generator (`setRandomSeed`) and layer naming.
  public static func take() -> SessionSnapshot {
    SessionSnapshot(
      generator: GlobalRandom.current.withGenerator { $0 }, names: LayerNaming.current.suffixes)
  }

  /// Puts the random generator and the layer naming back as they were when this was taken.
  public func restore() {
    GlobalRandom.current.withGenerator { $0 = generator }
    LayerNaming.current.suffixes = names
  }
}
