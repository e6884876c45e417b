/// Whether a monitored value is better when smaller or larger (Keras's `mode`).
public enum MonitorMode: String, Sendable {
  /// Smaller is better for losses and larger for everything else, such as accuracy.
  case auto
  /// Smaller is better.
  case min
  /// Larger is better.
  case max

  /// Resolves `.auto` for a monitored name: `loss`, `val_loss` and other losses are minimised.
  func resolved(for monitor: String) -> MonitorMode {
    guard self == .auto else { return self }
    return monitor.hasSuffix("loss") || monitor.hasSuffix("error") ? .min : .max
  }

  /// Whether `current` beats `best` by more than `minDelta` in this (resolved) mode.
  func improves(_ current: Double, over best: Double, minDelta: Double) -> Bool {
    switch self {
    case .min, .auto: return current + Swift.abs(minDelta) < best
    case .max: return current - Swift.abs(minDelta) > best
    }
  }

  /// The starting "best": +∞ when minimising, −∞ when maximising.
  var worstValue: Double { self == .max ? -.infinity : .infinity }
}
