import Foundation
import TerminalUI

/// How long a training run is expected to take on this machine, as a learner reads it:
/// `about 9 seconds`, `about 2 minutes`.
public struct TrainingTimeEstimate: Sendable, CustomStringConvertible {
  /// The expected time in seconds.
  public let seconds: Double

  /// `under a second`, `about 9 seconds`, `about 2 minutes`.
  public var description: String {
    if seconds < 1 { return "under a second" }
    if seconds < 90 {
      let whole = Int(seconds.rounded())
      return "about \(whole) second\(whole == 1 ? "" : "s")"
    }
    return "about \(Int((seconds / 60).rounded())) minutes"
  }
}

extension Model {
  /// Measures how long `fit` will take here: trains a copy of the model (same layers, fresh
  /// weights) on a few batches of blank images and scales the time up. It takes about a quarter of
  /// a second and leaves the model, the random numbers and the layer names as they were.
  ///
  ///     print("Training takes", try model.estimatedTrainingTime(images: 3000, epochs: 10))
  ///     // Training takes about 8 seconds
  ///
  /// - Parameters:
  ///   - images: training images per epoch.
  ///   - validationImages: images evaluated after each epoch (each costs about a third of a
  ///     training image).
  /// - Throws: `ModelError.notBuilt` for a model that does not know its input shape yet.
  public func estimatedTrainingTime(
    images: Int, epochs: Int = 1, validationImages: Int = 0, batchSize: Int = 32
  ) throws -> TrainingTimeEstimate {
    guard let inputShape, let outputShape else { throw ModelError.notBuilt(model: name, action: "be timed") }
    let secondsPerImage = try GlobalRandom.$current.withValue(GlobalRandom(seed: 0)) {
      try LayerNaming.$current.withValue(LayerNaming()) {
        try TerminalOutput.$current.withValue(TerminalOutput(isTerminal: false) { _ in }) {
          try measureSecondsPerImage(inputShape: inputShape, outputShape: outputShape, batchSize: batchSize)
        }
      }
    }
    let work = Double(images * epochs) + Double(validationImages * epochs) / 3
    return TrainingTimeEstimate(seconds: work * secondsPerImage)
  }

  /// Seconds per image for one training step of a fresh copy, after one step to warm up.
  private func measureSecondsPerImage(inputShape: [Int], outputShape: [Int], batchSize: Int) throws -> Double {
    let copy: Model
    do {
      copy = try Model.make(fromKerasConfig: kerasConfig)
    } catch {
      throw ModelError.notBuilt(model: name, action: "be timed (\(error.detail))")
    }
    copy.compile(optimizer: .adam(), loss: loss ?? .sparseCategoricalCrossentropy)
    let images = Tensor(zeros: [batchSize] + inputShape)
    // Class indices for the sparse loss; targets shaped like the output for every other loss.
    let targets =
      copy.loss?.kind == .sparseCategoricalCrossentropy
      ? Tensor(labels: Array(repeating: 0, count: batchSize)) : Tensor(zeros: [batchSize] + outputShape)
    try copy.fit(images, targets, batchSize: batchSize, epochs: 1, verbose: 0, shuffle: false)
    let start = Date()
    var steps = 0
    repeat {
      try copy.fit(images, targets, batchSize: batchSize, epochs: 1, verbose: 0, shuffle: false)
      steps += 1
    } while Date().timeIntervalSince(start) < 0.2 && steps < 50
    return Date().timeIntervalSince(start) / Double(steps * batchSize)
  }
}
