import Foundation

/// The y axis of a chart drawn in text rows: round ticks on evenly spaced rows, every one labelled.
///
/// The plotted range is widened to whole steps, from the tick at or below the lowest value to the
/// tick at or above the highest, and each step takes the same whole number of rows, so that the
/// ticks sit on rows 0, `rowsPerStep`, 2 × `rowsPerStep`, … from the bottom. Of the steps of 1,
/// 2, 2.5 or 5 times a power of ten that fit in the rows allowed, it takes the one that gives
/// each row the smallest share of the range (the finest resolution); on a tie, the one with fewer
/// ticks. The plot may therefore be a little shorter than allowed.
///
///     let scale = RowScale(lower: 0.64, upper: 1.52, maximumRows: 12)
///     scale.ticks.values   // [0.6, 0.8, 1.0, 1.2, 1.4, 1.6]
///     scale.rowsPerStep    // 2, so the plot is 11 rows and each row stands for 0.1
struct RowScale {
  /// The ticks, from the lowest (on the bottom row) to the highest (on the top row).
  let ticks: AxisTicks
  /// The rows from one tick to the next.
  let rowsPerStep: Int

  /// The fewest rows a plot can have: a range that straddles a tick needs two steps.
  static let minimumRows = 3
  /// The most rows from one tick to the next.
  static let maximumRowsPerStep = 4.0

  /// Chooses the ticks for values from `lower` to `upper` in at most `maximumRows` rows (at
  /// least `minimumRows`).
  init(lower: Double, upper: Double, maximumRows: Int) {
    let gaps = Double(Swift.max(Self.minimumRows, maximumRows) - 1)
    let span = Swift.max(upper - lower, Swift.max(abs(lower), abs(upper), 1e-300) * 1e-9)
    var magnitude = pow(10, floor(log10(span / gaps)))
    var best: (ticks: AxisTicks, rowsPerStep: Double, perRow: Double)?
    // Ten decades always reach a step as wide as the range, which fits in two steps.
    for _ in 0..<10 {
      for multiplier in [1, 2, 2.5, 5] {
        let step = multiplier * magnitude
        let first = floor(lower / step + 1e-9)
        let steps = Swift.max(1, ceil(upper / step - 1e-9) - first)
        let rowsPerStep = Swift.min(Self.maximumRowsPerStep, floor(gaps / steps))
        guard rowsPerStep >= 1 else { continue }
        let perRow = step / rowsPerStep
        if let chosen = best, perRow >= chosen.perRow * (1 - 1e-9) {
          let isTie = perRow <= chosen.perRow * (1 + 1e-9)
          guard isTie && steps < Double(chosen.ticks.values.count - 1) else { continue }
        }
        best = (AxisTicks(step: step, from: first, through: first + steps), rowsPerStep, perRow)
      }
      magnitude *= 10
    }
    let chosen = best ?? (AxisTicks(step: span, from: floor(lower / span), through: floor(lower / span) + 1), 1, span)
    ticks = chosen.ticks
    rowsPerStep = Int(chosen.rowsPerStep)
  }

  /// The plot's rows: one for each tick and `rowsPerStep - 1` between neighbours.
  var rows: Int { (ticks.values.count - 1) * rowsPerStep + 1 }

  /// The value of the lowest tick, on the bottom row.
  var lower: Double { ticks.values.first ?? 0 }

  /// The value of the highest tick, on the top row.
  var upper: Double { ticks.values.last ?? 1 }

  /// The row (0 at the bottom) of the tick at `index`.
  func row(ofTick index: Int) -> Int { index * rowsPerStep }
}
