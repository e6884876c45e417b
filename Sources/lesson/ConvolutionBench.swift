import CNN
import Foundation
import TerminalUI

/// `lesson bench convolutions`: a training step of each 3×3 convolution of the reference models
/// with both algorithms, the windowed convolution and Winograd's, marking the one `Conv2D` uses:
/// the measurements the choice rests on, repeatable on any machine.
struct ConvolutionBench {
  func run() {
    let output = TerminalOutput.current
    let batch = 32
    let rounds = 5
    output.writeLine(
      "A training step of each reference convolution, batch \(batch), best of \(rounds), with "
        + "\(ComputeThreads.count) thread\(ComputeThreads.count == 1 ? "" : "s"): forward + backward "
        + "milliseconds; ✓ marks the algorithm Conv2D uses.")
    let timings = KernelBenchmark.convolutions(batch: batch, rounds: rounds)
    let rows = ReferenceConvolution.all.map { layer -> [String] in
      let own = timings.filter { $0.layer.name == layer.name }
      return [layer.description]
        + own.map { timing in
          String(format: "%.2f + %.2f", timing.forwardMilliseconds, timing.backwardMilliseconds)
            + (timing.isChosen ? " ✓" : "")
        }
    }
    let table = Table(
      columns: [.init("Layer", upTo: 0.5), .init("Windowed", upTo: 0.75, .right), .init("Winograd", upTo: 1, .right)],
      rows: rows, lineLength: min(output.capabilities.width, 88))
    for line in table.lines(for: output.capabilities) { output.writeLine(line) }
  }
}
