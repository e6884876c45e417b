import Foundation

/// Round values at which to label an axis: multiples of 1, 2 or 5 times a power of ten that lie
/// between two bounds, as few as needed to stay at or under a maximum count.
///
///     AxisTicks(from: 0.64, to: 1.52, maximumCount: 5).values   // [0.8, 1.0, 1.2, 1.4]
struct AxisTicks {
  /// The distance between neighbouring ticks.
  let step: Double
  /// The ticks, from low to high.
  let values: [Double]
  /// The digits after the point needed to write every tick exactly.
  let decimals: Int

  /// Chooses the smallest round step that gives at most `maximumCount` ticks in
  /// `lower...upper`.
  init(from lower: Double, to upper: Double, maximumCount: Int) {
    let span = Swift.max(upper - lower, Swift.max(abs(upper), 1) * 1e-9)
    let rough = span / Double(Swift.max(1, maximumCount))
    let magnitude = pow(10, floor(log10(rough)))
    let multiplier = [1.0, 2, 5, 10].first { $0 * magnitude >= rough * (1 - 1e-9) } ?? 10
    let step = multiplier * magnitude
    let first = ceil(lower / step - 1e-9)
    let last = floor(upper / step + 1e-9)
    self.step = step
    values = first <= last ? stride(from: first, through: last, by: 1).map { $0 * step } : []
    decimals = Swift.max(0, Int(-floor(log10(step) + 1e-9)))
  }

  /// The tick written with just enough decimals.
  func label(_ value: Double) -> String {
    TextLayout.fixed(value, decimals: decimals)
  }

  /// The lowest and highest finite values of `series`, widened when they are equal so that a
  /// flat line still has a range to sit in; `nil` when there is no finite value.
  static func range(of series: [[Double]]) -> (lower: Double, upper: Double)? {
    let finite = series.joined().filter(\.isFinite)
    guard let lowest = finite.min(), let highest = finite.max() else { return nil }
    if lowest < highest { return (lowest, highest) }
    let margin = lowest == 0 ? 1 : abs(lowest) * 0.1
    return (lowest - margin, highest + margin)
  }
}
