import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import CNN

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite(.isolatedSession) struct TrainingStopTests {
  @Test func aLossThatBlowsUpStopsTrainingWithTheLikelyCauses() throws {
    setRandomSeed(5)
    let model = try SyntheticImages.brightSideModel()
    model.compile(optimizer: SGD(learningRate: 1e30), loss: .sparseCategoricalCrossentropy)
    let (images, labels) = SyntheticImages.brightSide(count: 64, seed: 1)
    let captured = CapturedOutput()
    let history = try TerminalOutput.$current.withValue(captured.output(isTerminal: false)) {
      try model.fit(images * 255, labels, batchSize: 8, epochs: 5, verbose: 0)
    }
    guard case .lossNotFinite(let epoch, _) = history.stopReason else {
      Issue.record("training did not stop: \(history.stopReason)")
      return
    }
    #expect(history.epochs.count == epoch)
    #expect(captured.text.contains("the loss became"))
    // Inputs up to 255 make the missing rescaling the first cause named.
    #expect(captured.text.contains("Likely causes: the inputs are not rescaled"))
    #expect(captured.text.contains("the learning rate is too high"))
  }

  @Test func ctrlCStopsAfterTheCurrentBatchAndKeepsTheWeights() async {
    // Run in a child process: Ctrl-C reaches every training loop of a process, and other tests
    // train in parallel with this one.
    await #expect(processExitsWith: .success) {
      setRandomSeed(4)
      let model = try SyntheticImages.brightSideModel()
      model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy)
      let initial = model.weights
      let (images, labels) = SyntheticImages.brightSide(count: 64, seed: 1)
      let pressCtrlC = LambdaCallback(onBatchEnd: { batch, _ in
        guard batch == 2 else { return }
        let ticket = InterruptSignal.shared.startListening()
        defer { InterruptSignal.shared.stopListening() }
        // Sent to the process, as the terminal does: worker threads block signals, so the kernel
        // delivers it to a thread that accepts it, maybe not this one; give it up to 5 seconds.
        kill(getpid(), SIGINT)
        for _ in 0..<500 where !InterruptSignal.shared.wasInterrupted(since: ticket) { usleep(10_000) }
      })
      let captured = CapturedOutput()
      // Wide enough that the message is on one line.
      let history = try TerminalOutput.$current.withValue(captured.output(isTerminal: false, columns: 200)) {
        try model.fit(images, labels, batchSize: 8, epochs: 3, verbose: 0, callbacks: [pressCtrlC])
      }
      let stoppedRight = history.stopReason == .interrupted(epoch: 0, batch: 3) && history.epochs.isEmpty
      let said = captured.text.contains(
        "Training interrupted (Ctrl-C) in epoch 1, after batch 3 of 8. The model keeps the weights learned so far")
      exit(stoppedRight && said && model.weights != initial ? 0 : 1)
    }
  }
}
