import Testing

@testable import TerminalUI

/// The picture and the sentence under it say the same thing: each loss curve is drawn at 12 rows
/// in the panel width of an 80-column terminal, its height at every epoch is read back from the
/// Braille dots, and the heights are checked against the numbers and against the verdict.
@Suite struct LearningCurvesAgreementTests {
  /// A run's losses, named for what they show.
  struct Run: CustomTestStringConvertible, Sendable {
    let name: String
    let loss: [Double]
    let validationLoss: [Double]
    var testDescription: String { name }
  }

  static let runs = [
    Run(
      name: "both falling, validation by 0.03 an epoch from epoch 4 (the issue's case)",
      loss: [1.52, 1.21, 1.05, 0.93, 0.85, 0.79, 0.74, 0.70, 0.67, 0.64],
      validationLoss: [1.30, 1.12, 1.03, 0.98, 0.95, 0.92, 0.89, 0.86, 0.83, 0.80]),
    Run(
      name: "validation lowest at epoch 6, then rising by a few hundredths",
      loss: [1.52, 1.21, 1.05, 0.93, 0.85, 0.79, 0.74, 0.70, 0.67, 0.64],
      validationLoss: [1.30, 1.12, 1.03, 0.98, 0.96, 0.95, 0.97, 1.00, 1.02, 1.05]),
    Run(
      name: "validation rising by 0.01–0.02 an epoch after epoch 5",
      loss: [0.90, 0.70, 0.60, 0.55, 0.50, 0.46, 0.43, 0.40, 0.38, 0.36],
      validationLoss: [0.85, 0.72, 0.66, 0.63, 0.62, 0.63, 0.64, 0.66, 0.67, 0.69]),
    Run(
      name: "both flat from epoch 6",
      loss: [1.40, 1.00, 0.80, 0.70, 0.66, 0.650, 0.648, 0.647, 0.646, 0.646],
      validationLoss: [1.30, 1.00, 0.85, 0.78, 0.76, 0.755, 0.754, 0.754, 0.753, 0.753]),
    Run(
      name: "high and barely falling",
      loss: [2.30, 2.25, 2.22, 2.21, 2.20, 2.20, 2.19, 2.19, 2.19, 2.18],
      validationLoss: [2.31, 2.27, 2.25, 2.24, 2.23, 2.23, 2.22, 2.22, 2.22, 2.21]),
  ]

  /// The plot rows the lesson's learning curves are checked at.
  static let rows = 12
  /// A loss panel's width when two panels share an 80-column terminal.
  static let panelWidth = (80 - LearningCurves.gap) / 2

  /// Each series of `run` drawn alone, as the loss panel draws it, and read back.
  func plotted(_ values: [Double], name: String) throws -> (heights: [Double], valuePerDot: Double) {
    let chart = LineChart(series: [.init(name, values)], height: Self.rows, width: Self.panelWidth)
    let picture = try #require(PlottedDots(lines: chart.lines(for: .plain(width: 80))))
    try #require(picture.epochColumns.count == values.count, "one x tick per epoch")
    let heights = try picture.heightsAtEpochs.map { try #require($0, "a dot at every epoch of \(name)") }
    return (heights, try #require(picture.valuePerDot))
  }

  @Test(arguments: runs) func heightsMoveAsTheValuesDoAndPlateausStayFlat(_ run: Run) throws {
    for (name, values) in [("loss", run.loss), ("val_loss", run.validationLoss)] {
      let (heights, valuePerDot) = try plotted(values, name: name)
      for epoch in 1..<values.count {
        let change = values[epoch] - values[epoch - 1]
        let drawn = heights[epoch] - heights[epoch - 1]
        let step = "\(name) epoch \(epoch) → \(epoch + 1): value \(change), drawn \(drawn) dots"
        if abs(change) > valuePerDot {
          #expect(drawn.sign == change.sign && drawn != 0, "\(step)")
        } else {
          #expect(abs(drawn) <= 1, "\(step)")
        }
      }
    }
  }

  @Test(arguments: runs) func theVerdictMatchesWhatTheLastEpochsShow(_ run: Run) throws {
    let (training, valuePerDot) = try plotted(run.loss, name: "loss")
    let validation = try plotted(run.validationLoss, name: "val_loss").heights
    let last = training.count - 1
    let start = last - Swift.min(3, last)
    let verdict = LearningCurveReading(loss: run.loss, validationLoss: run.validationLoss).verdict
    switch verdict {
    case .stillLearning:
      #expect(training[last] < training[start] - 1, "training drawn falling")
      #expect(validation[last] <= (validation.min() ?? 0) + 1, "validation drawn at its lowest at the end")
    case .overfitting(let bestEpoch, _):
      #expect(validation[bestEpoch - 1] <= (validation.min() ?? 0) + 1, "validation drawn lowest at epoch \(bestEpoch)")
      #expect(validation[last] > validation[bestEpoch - 1] + 1, "validation drawn rising after it")
      #expect(training[last] < training[bestEpoch - 1] - 1, "training drawn still falling")
    case .levelledOff, .underfitting:
      // "Barely falling": the drawn fall, give or take a dot, is under the reading's 1 % an epoch.
      let drawnFall = (training[start] - training[last] - 1) * valuePerDot
      let allowed = LearningCurveReading.fallPerEpoch * Double(last - start) * run.loss[start]
      #expect(drawnFall < allowed, "training drawn falling \(drawnFall), more than \(allowed)")
      #expect(validation[last] <= (validation[start...].min() ?? 0) + 1, "validation not drawn rising")
    default:
      Issue.record("unexpected verdict \(verdict) for \(run.name)")
    }
  }

  @Test func theLessonsTwoPanelsShareTheirRowsAndFitTwentyFourLines() throws {
    for run in Self.runs {
      let curves = LearningCurves(
        title: "digits_model", loss: run.loss, validationLoss: run.validationLoss,
        accuracy: run.loss.map { 1 - $0 / 3 }, validationAccuracy: run.validationLoss.map { 1 - $0 / 3 })
      let lines = curves.lines(for: .plain(width: 80))
      let loss = try #require(PlottedDots(lines: lines.map { String($0.prefix(Self.panelWidth)) }))
      let accuracy = try #require(PlottedDots(lines: lines.map { String($0.dropFirst(Self.panelWidth)) }))
      #expect(loss.rows <= curves.height && loss.rows == accuracy.rows, "\(run.name)")
      #expect(lines.firstIndex { $0.contains("└") } == lines.lastIndex { $0.contains("└") }, "one x axis line")
      #expect(lines.count <= 24, "\(run.name): \(lines.count) lines")
    }
  }

  @Test func whereTwoLinesShareCellsBothStayVisible() throws {
    // Same lowest and highest values, so each drawn alone has the shared chart's scale.
    let training = [1.0, 0.80, 0.70, 0.65, 0.60, 0.55, 0.50]
    let validation = [1.0, 0.82, 0.72, 0.66, 0.62, 0.58, 0.50]
    func dots(_ series: [LineChart.Series]) throws -> Set<PlottedDots.Dot> {
      let chart = LineChart(series: series, height: Self.rows, width: Self.panelWidth)
      return try #require(PlottedDots(lines: chart.lines(for: .plain(width: 80)))).dots
    }
    let alone = try dots([.init("loss", training)])
    let dashedAlone = try dots([.init("val_loss", validation, style: .dashed)])
    let both = try dots([.init("loss", training), .init("val_loss", validation, style: .dashed)])
    #expect(both == alone.union(dashedAlone))
    #expect(!dashedAlone.isSubset(of: alone))
    let solidValidation = try dots([.init("val_loss", validation)])
    #expect(dashedAlone.isSubset(of: solidValidation))
    #expect(dashedAlone.count * 3 < solidValidation.count * 2, "the dashed line leaves every other dot out")
  }
}
