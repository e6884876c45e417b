import CNN
import Foundation
import TextEscaping

/// One part of a training step and the milliseconds it took, on average over the steps timed:
/// what `lesson bench` reports for each layer, the loss and the optimizer update.
struct LayerTime: Codable, Equatable {
  /// The layer's name, or `loss` or `optimizer`.
  let name: String
  /// The layer's Keras class; empty for the loss and the optimizer.
  let className: String
  let forwardMilliseconds: Double
  let backwardMilliseconds: Double

  /// The mean time per training step of every part the stopwatch timed.
  static func perStep(from stopwatch: LayerStopwatch) -> [LayerTime] {
    let steps = Double(max(1, stopwatch.trainingSteps))
    return stopwatch.timings.map {
      LayerTime(
        name: $0.name, className: $0.className, forwardMilliseconds: 1000 * $0.forwardSeconds / steps,
        backwardMilliseconds: 1000 * $0.backwardSeconds / steps)
    }
  }

  /// The table a learner reads: each part's forward and backward milliseconds and its share of
  /// the step, the names escaped and padded to one column.
  ///
  ///       Time per training step of 32 images, by layer (forward + backward):
  ///         conv2d      0.41 +   0.80 ms  31 %
  ///         optimizer   0.20 ms           5 %
  static func lines(_ times: [LayerTime], batchSize: Int) -> [String] {
    let total = times.reduce(0) { $0 + $1.forwardMilliseconds + $1.backwardMilliseconds }
    let names = times.map { $0.name.escapedForTerminal() }
    let nameWidth = names.map(\.count).max() ?? 0
    let rows = zip(names, times).map { name, time -> (String, String, Double) in
      let name = name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      let milliseconds =
        time.className.isEmpty
        ? String(format: "%6.2f ms", time.forwardMilliseconds)
        : String(format: "%6.2f + %6.2f ms", time.forwardMilliseconds, time.backwardMilliseconds)
      return (name, milliseconds, time.forwardMilliseconds + time.backwardMilliseconds)
    }
    let timeWidth = rows.map(\.1.count).max() ?? 0
    let body = rows.map { name, milliseconds, share in
      let padded = milliseconds.padding(toLength: timeWidth, withPad: " ", startingAt: 0)
      return "    \(name) \(padded) " + String(format: "%3.0f %%", total > 0 ? 100 * share / total : 0)
    }
    return ["  Time per training step of \(batchSize) images, by layer (forward + backward):"] + body
  }
}
