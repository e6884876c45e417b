import Foundation
import Testing

@testable import TerminalUI

@Suite struct RowScaleTests {
  /// Ranges and heights the properties are checked over: learning curves, accuracies, large and
  /// negative values, a range that straddles zero, and the smallest plot.
  static let cases: [(lower: Double, upper: Double, rows: Int)] = [
    (0.64, 1.52, 12), (0.45, 0.77, 12), (0.53, 0.68, 10), (0.0012, 0.0049, 8), (2.18, 2.31, 12),
    (-3.5, 4.2, 9), (120, 9_400, 14), (0.5, 0.5001, 12), (0.64, 1.52, 3), (-0.1, 0.1, 3), (0, 1, 24),
  ]

  @Test func theIssuesLossRangeAtTwelveRowsHasATickEveryOtherRow() {
    // Steps 0.1 on every row and 0.2 on every other row both give 0.1 a row over 0.6...1.6,
    // the finest any round step allows in 12 rows; of the two, the one with fewer labels.
    let scale = RowScale(lower: 0.64, upper: 1.52, maximumRows: 12)
    #expect(scale.ticks.values.map { ($0 * 10).rounded() } == [6, 8, 10, 12, 14, 16])
    #expect(scale.rowsPerStep == 2)
    #expect(scale.rows == 11)
    #expect(scale.ticks.values.map(scale.ticks.label) == ["0.6", "0.8", "1.0", "1.2", "1.4", "1.6"])
  }

  @Test func aStepOfTwoAndAHalfIsWrittenWithTheDigitsItNeeds() {
    let ticks = AxisTicks(step: 0.25, from: 2, through: 4)
    #expect(ticks.values.map(ticks.label) == ["0.50", "0.75", "1.00"])
  }

  @Test func ticksCoverTheValuesOnEvenlySpacedRowsAndFitTheHeight() {
    for (lower, upper, rows) in Self.cases {
      let scale = RowScale(lower: lower, upper: upper, maximumRows: rows)
      let ticks = scale.ticks.values
      let context = "\(lower)...\(upper) in \(rows) rows: \(ticks)"
      #expect(ticks.count >= 2, "\(context)")
      #expect((ticks.first ?? .infinity) <= lower && (ticks.last ?? -.infinity) >= upper, "\(context)")
      #expect(scale.rows == (ticks.count - 1) * scale.rowsPerStep + 1 && scale.rows <= rows, "\(context)")
      #expect((1...4).contains(scale.rowsPerStep), "\(context): a label at least every four rows")
      for (low, high) in zip(ticks, ticks.dropFirst()) {
        #expect(abs(high - low - scale.ticks.step) <= scale.ticks.step * 1e-9, "\(context)")
      }
      let magnitude = pow(10, floor(log10(scale.ticks.step)))
      let multiplier = scale.ticks.step / magnitude
      #expect([1, 2, 2.5, 5].contains { abs($0 - multiplier) < 1e-9 }, "\(context): step \(scale.ticks.step)")
    }
  }

  @Test func everyTickIsLabelledWithTheSameDecimalsAndReadsBackAsItsValue() {
    for (lower, upper, rows) in Self.cases {
      let ticks = RowScale(lower: lower, upper: upper, maximumRows: rows).ticks
      let labels = ticks.values.map(ticks.label)
      let decimals = labels.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 }
      #expect(Set(decimals).count == 1, "\(labels)")
      for (label, value) in zip(labels, ticks.values) {
        #expect(abs((Double(label) ?? .nan) - value) <= ticks.step * 1e-6, "\(label) for \(value)")
      }
    }
  }
}
