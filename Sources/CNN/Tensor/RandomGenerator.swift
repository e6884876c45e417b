import Foundation

/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64): the one source of
/// randomness for weight initialisation, shuffling and dropout.
///
/// The same seed gives the same sequence on every machine and every Swift version, because the
/// conversions to `Float` and `Double` below are our own, not the standard library's.
///
///     var generator = RandomGenerator(seed: 42)
///     generator.nextUniform()   // a Float in 0..<1
///
/// Most code never holds a generator: layers, `fit` and `Tensor(randomUniform:)` draw from the
/// process-wide one, which `setRandomSeed(_:)` resets, as `keras.utils.set_random_seed` does.
public struct RandomGenerator: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// Creates a generator whose sequence is fixed by `seed`.
  public init(seed: UInt64) {
    var splitMix = seed
    func nextSplitMix() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      var z = splitMix
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(state.1 &* 5, by: 7) &* 9
    let t = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= t
    state.3 = rotateLeft(state.3, by: 45)
    return result
  }

  /// Returns a `Float` drawn uniformly from `0..<1` (24 random bits, so every value is exact).
  public mutating func nextUniform() -> Float {
    Float(next() >> 40) * 0x1p-24
  }

  /// Returns a `Double` drawn uniformly from `0..<1` (53 random bits).
  public mutating func nextUniformDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// Returns a `Float` drawn from the normal distribution with the given mean and standard
  /// deviation (Box–Muller transform, computed in `Double`).
  public mutating func nextNormal(mean: Float = 0, standardDeviation: Float = 1) -> Float {
    let u1 = 1 - nextUniformDouble()  // in 0<..1, so the logarithm is finite
    let u2 = nextUniformDouble()
    let z = (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    return mean + standardDeviation * Float(z)
  }

  /// Returns an integer drawn uniformly from `0..<upperBound` without modulo bias.
  public mutating func nextIndex(below upperBound: Int) -> Int {
    precondition(upperBound > 0, "nextIndex(below:) needs a positive upper bound")
    let bound = UInt64(upperBound)
    let threshold = (0 &- bound) % bound  // values below this would bias the modulo
    while true {
      let value = next()
      if value >= threshold { return Int(value % bound) }
    }
  }

  /// Shuffles `array` in place (Fisher–Yates), the same way for the same generator state.
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      let j = nextIndex(below: i + 1)
      array.swapAt(i, j)
    }
  }

  private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}

// MARK: - The process-wide generator

/// Resets the process-wide random generator, so that everything random that follows (initial
/// weights, shuffles, dropout masks) is the same on every run: Keras's `set_random_seed`.
///
///     setRandomSeed(42)
///     let model = try Sequential { … }   // the same initial weights every time
public func setRandomSeed(_ seed: UInt64) {
  GlobalRandom.current.reset(seed: seed)
}

/// The process-wide generator behind `setRandomSeed(_:)`, guarded by a lock.
///
/// A task can bind a generator of its own (`GlobalRandom.$current.withValue(…)`); tests do, so
/// that tests running in parallel never draw from each other's sequence.
final class GlobalRandom: @unchecked Sendable {
  /// The generator in use: the process-wide one, seeded unpredictably, unless a task bound its own.
  @TaskLocal static var current = GlobalRandom(seed: UInt64.random(in: 0...UInt64.max))

  private let lock = NSLock()
  private var generator: RandomGenerator

  init(seed: UInt64) {
    generator = RandomGenerator(seed: seed)
  }

  func reset(seed: UInt64) {
    lock.withLock { generator = RandomGenerator(seed: seed) }
  }

  /// Runs `body` with exclusive use of the generator.
  func withGenerator<T>(_ body: (inout RandomGenerator) -> T) -> T {
    lock.withLock { body(&generator) }
  }

  /// Draws a fresh seed, for an object (a dataset, a dropout layer) that keeps its own generator.
  func nextSeed() -> UInt64 {
    withGenerator { $0.next() }
  }
}
