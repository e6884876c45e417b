import CNNTestSupport
import TerminalUI
import Testing

@testable import CNN

@Suite(.isolatedSession) struct FitTests {
  let quiet = TerminalOutput(isTerminal: false) { _ in }

  func compiledBrightSideModel(seed: UInt64 = 42, optimizer: Optimizer = .adam(learningRate: 0.01)) throws -> Model {
    setRandomSeed(seed)
    let model = try SyntheticImages.brightSideModel()
    model.compile(optimizer: optimizer, loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    return model
  }

  @Test func aSmallModelLearnsWhichSideIsBright() throws {
    let model = try compiledBrightSideModel()
    let (images, labels) = SyntheticImages.brightSide(count: 400, seed: 1)
    let history = try TerminalOutput.$current.withValue(quiet) {
      try model.fit(images, labels, batchSize: 16, epochs: 8, verbose: 0, validationSplit: 0.25)
    }
    #expect(history.keys == ["accuracy", "loss", "val_accuracy", "val_loss"])
    #expect(history.epochs == Array(0..<8))
    #expect(history.validationAccuracy.last ?? 0 >= 0.95, "validation accuracy \(history.validationAccuracy)")
    #expect(history.loss.last ?? 1 < history.loss.first ?? 0)
    let (testImages, testLabels) = SyntheticImages.brightSide(count: 100, seed: 2)
    let predicted = try model.predict(testImages, verbose: 0).argmax(axis: -1)
    #expect(try accuracyScore(yTrue: testLabels.classIndices, yPred: predicted) >= 0.95)
  }

  @Test func fitOnADatasetGivesTheSameKindOfHistory() throws {
    let model = try compiledBrightSideModel()
    let (images, labels) = SyntheticImages.brightSide(count: 64, seed: 3)
    let trainingSet = try TensorDataset(images: images, labels: labels, batchSize: 16, shuffle: true, seed: 1)
    let history = try TerminalOutput.$current.withValue(quiet) {
      try model.fit(trainingSet, epochs: 2, verbose: 0, validationData: trainingSet)
    }
    #expect(history.loss.count == 2 && history.validationLoss.count == 2)
  }

  @Test func theEpochLossIsTheMeanOverItemsNotOverBatches() throws {
    // With a learning rate too small to change anything, the weights stay put, so the logged epoch
    // loss must equal evaluate's loss over all 10 items; batches of 3, 3, 3 and 1 item make the
    // plain mean of batch losses different.
    let model = try compiledBrightSideModel(optimizer: SGD(learningRate: 1e-30))
    let (images, labels) = SyntheticImages.brightSide(count: 10, seed: 4)
    try TerminalOutput.$current.withValue(quiet) {
      let history = try model.fit(images, labels, batchSize: 3, epochs: 1, verbose: 0, shuffle: false)
      let overall = try #require(try model.evaluate(images, labels, verbose: 0)["loss"])
      var batchLosses: [Double] = []
      for start in stride(from: 0, to: 10, by: 3) {
        let end = Swift.min(start + 3, 10)
        batchLosses.append(
          try #require(try model.evaluate(images[start..<end], labels[start..<end], verbose: 0)["loss"]))
      }
      let unweighted = batchLosses.reduce(0, +) / Double(batchLosses.count)
      #expect(Swift.abs(history.loss[0] - overall) < 1e-6)
      #expect(Swift.abs(unweighted - overall) > 1e-4)
    }
  }

  @Test func validationSplitTakesTheLastItemsBeforeShuffling() throws {
    let model = try compiledBrightSideModel()
    let (images, labels) = SyntheticImages.brightSide(count: 10, seed: 5)
    try TerminalOutput.$current.withValue(quiet) {
      let history = try model.fit(images, labels, batchSize: 4, epochs: 1, verbose: 0, validationSplit: 0.2)
      let lastTwo = try model.evaluate(images[8..<10], labels[8..<10], verbose: 0)
      #expect(history.validationLoss == [lastTwo["loss"]])
    }
  }

  @Test func theSameSeedGivesBitIdenticalWeightsPredictionsAndHistory() throws {
    func run() throws -> (initial: [Tensor], history: History, predictions: Tensor) {
      let model = try compiledBrightSideModel(seed: 7)
      let initial = model.weights
      let (images, labels) = SyntheticImages.brightSide(count: 96, seed: 6)
      let history = try TerminalOutput.$current.withValue(quiet) {
        try model.fit(images, labels, batchSize: 16, epochs: 3, verbose: 0, validationSplit: 0.25)
      }
      return (initial, history, try model.predict(images, verbose: 0))
    }
    let first = try run()
    let second = try run()
    #expect(first.initial == second.initial)
    #expect(first.history == second.history)
    #expect(first.predictions == second.predictions)
    let other = try compiledBrightSideModel(seed: 8).weights
    #expect(other != first.initial)
  }

  @Test func fitBeforeCompileSaysWhatToCall() throws {
    let model = try SyntheticImages.brightSideModel()
    let error = #expect(throws: ModelError.self) {
      try model.fit(Tensor(zeros: [2, 8, 8, 1]), Tensor(labels: [0, 1]))
    }
    #expect(error?.description.contains("Call compile(optimizer:loss:metrics:) first") == true)
  }

  @Test func wrongArgumentsAreNamed() throws {
    let model = try compiledBrightSideModel()
    let (images, labels) = SyntheticImages.brightSide(count: 4, seed: 1)
    #expect(throws: ModelError.invalidArgument(argument: "epochs", value: "0", requirement: "at least 1")) {
      try model.fit(images, labels, epochs: 0, verbose: 0)
    }
    #expect(throws: ModelError.self) { try model.fit(images, labels, batchSize: 0, verbose: 0) }
    #expect(throws: ModelError.self) { try model.fit(images, labels, verbose: 0, validationSplit: 1) }
    #expect(throws: ModelError.sampleCountMismatch(images: 4, labels: 3)) {
      try model.fit(images, labels[0..<3], verbose: 0)
    }
  }

  @Test func aWrongInputShapeAtFitSaysExpectedAndReceived() throws {
    let model = try compiledBrightSideModel()
    let error = #expect(throws: ModelError.self) {
      try model.fit(Tensor(zeros: [2, 9, 9, 1]), Tensor(labels: [0, 1]), verbose: 0)
    }
    #expect(error?.description.contains("expects input (None, 8, 8, 1) but received (2, 9, 9, 1)") == true)
  }

  @Test func evaluateReportsLossAndAccuracy() throws {
    let model = try compiledBrightSideModel()
    let (images, labels) = SyntheticImages.brightSide(count: 20, seed: 9)
    let results = try TerminalOutput.$current.withValue(quiet) { try model.evaluate(images, labels) }
    #expect(results.map(\.name) == ["accuracy", "loss"])
    let accuracy = try #require(results["accuracy"])
    let expected = try accuracyScore(
      yTrue: labels.classIndices, yPred: model.predict(images, verbose: 0).argmax(axis: -1))
    #expect(accuracy == expected)
  }

  @Test func predictInBatchesEqualsOneBigBatch() throws {
    let model = try compiledBrightSideModel()
    let (images, _) = SyntheticImages.brightSide(count: 37, seed: 10)
    let batched = try model.predict(images, batchSize: 8, verbose: 0)
    #expect(batched.shape == [37, 2])
    #expect(batched == (try model(images)))
  }
}
