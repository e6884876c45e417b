import CNNTestSupport
import TerminalUI
import Testing

@testable import CNN

@Suite(.isolatedSession) struct EarlyStoppingTests {
  let model: Model

  init() throws {
    model = try Sequential([Input(shape: [2]), Dense(units: 1)])
  }

  /// Feeds `values` of `monitor` to the callback as if epochs ended, stopping where it asks.
  func run(_ stopper: EarlyStopping, monitor: String = "val_loss", values: [Double]) -> Int? {
    model.stopTraining = false
    stopper.onTrainBegin(model: model)
    for (epoch, value) in values.enumerated() {
      stopper.onEpochEnd(epoch, logs: Logs([(monitor, value)]), model: model)
      if model.stopTraining { return epoch }
    }
    return nil
  }

  @Test func stopsAfterPatienceEpochsWithoutImprovement() {
    let stopper = EarlyStopping(patience: 2, verbose: false)
    #expect(run(stopper, values: [1.0, 0.8, 0.9, 0.85, 0.7]) == 3)
    #expect(stopper.bestEpoch == 1)
    #expect(stopper.best == 0.8)
  }

  @Test func minDeltaIgnoresTinyImprovements() {
    let stopper = EarlyStopping(minDelta: 0.1, patience: 1, verbose: false)
    #expect(run(stopper, values: [1.0, 0.95, 0.92]) == 1)
  }

  @Test func accuracyIsMaximisedInAutoMode() {
    let stopper = EarlyStopping(monitor: "val_accuracy", patience: 1, verbose: false)
    #expect(run(stopper, monitor: "val_accuracy", values: [0.5, 0.6, 0.7, 0.65]) == 3)
    #expect(stopper.best == 0.7)
  }

  @Test func neverStopsAtTheFirstEpoch() {
    // Keras waits for epoch > 0, even with patience 0.
    let stopper = EarlyStopping(mode: .max, verbose: false)
    #expect(run(stopper, values: [1.0, 0.5]) == 1)
  }

  @Test func duringFitItStopsAndRestoresTheBestWeights() throws {
    // Monitoring the training loss in max mode makes epoch 0 the best for certain (the loss falls),
    // so training stops after epoch 2 and the weights from the end of epoch 0 come back.
    setRandomSeed(3)
    let model = try SyntheticImages.brightSideModel()
    model.compile(optimizer: .adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy)
    let (images, labels) = SyntheticImages.brightSide(count: 64, seed: 1)
    var weightsPerEpoch: [[Tensor]] = []
    let recorder = LambdaCallback(onEpochEnd: { _, _ in weightsPerEpoch.append(model.weights) })
    let stopper = EarlyStopping(monitor: "loss", patience: 2, mode: .max, restoreBestWeights: true)
    let captured = CapturedOutput()
    let history = try TerminalOutput.$current.withValue(captured.output(isTerminal: false)) {
      try model.fit(images, labels, batchSize: 16, epochs: 10, verbose: 0, callbacks: [recorder, stopper])
    }
    #expect(history.epochs == [0, 1, 2])
    #expect(history.stopReason == .stoppedByCallback(epoch: 2))
    #expect(model.weights == weightsPerEpoch[0])
    #expect(model.weights != weightsPerEpoch[2])
    #expect(captured.text == "Epoch 3: early stopping\nRestoring model weights from the end of the best epoch: 1.\n")
  }
}
