/// A small seeded generator (SplitMix64), so that every run tests the same inputs.
public struct SeededGenerator: RandomNumberGenerator {
  /// The generator's state, advanced by a fixed odd constant at each step.
  public var state: UInt64

  /// Creates a generator that starts from `state`.
  public init(state: UInt64) {
    self.state = state
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
