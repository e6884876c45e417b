import Foundation

/// Round values at which to label an axis: whole multiples of a round step (1, 2, 2.5 or 5 times
/// a power of ten), each written with the same number of decimals.
///
///     AxisTicks(from: 0.64, to: 1.52, maximumCount: 5).values   // [0.8, 1.0, 1.2, 1.4]
///     AxisTicks(step: 0.25, from: 2, through: 4).values         // [0.5, 0.75, 1.0]
struct AxisTicks {
  /// The distance between neighbouring ticks.
  let step: Double
  /// The ticks, from low to high.
  let values: [Double]
  /// The digits after the point needed to write every tick exactly.
  let decimals: Int

  /// Creates the ticks `first × step` through `last × step`.
  init(step: Double, from first: Double, through last: Double) {
    self.step = step
    values = first <= last ? stride(from: first, through: last, by: 1).map { $0 * step } : []
    decimals =
      (0...12).first { digits in
        let scaled = step * pow(10, Double(digits))
        return abs(scaled - scaled.rounded()) <= scaled * 1e-6
      } ?? 12
  }

  /// Chooses the smallest step of 1, 2 or 5 times a power of ten that gives at most
  /// `maximumCount` ticks in `lower...upper`.
  init(from lower: Double, to upper: Double, maximumCount: Int) {
    let span = Swift.max(upper - lower, Swift.max(abs(upper), 1) * 1e-9)
    let rough = span / Double(Swift.max(1, maximumCount))
    let magnitude = pow(10, floor(log10(rough)))
    let multiplier = [1.0, 2, 5, 10].first { $0 * magnitude >= rough * (1 - 1e-9) } ?? 10
    let step = multiplier * magnitude
    self.init(step: step, from: ceil(lower / step - 1e-9), through: floor(upper / step + 1e-9))
  }

  /// The tick written with the ticks' decimals.
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
