import CNNTestSupport
import Testing

@testable import CNN

/// The stopwatch adds up time only while it runs, per layer and per pass, and counts steps.
@Suite(.isolatedSession) struct LayerStopwatchTests {
  private func trainedModel(stopwatchRunning: Bool) throws -> Model {
    setRandomSeed(3)
    let model = try Sequential {
      Input(shape: [8, 8, 1])
      Conv2D(filters: 4, kernelSize: 3, activation: .relu)
      Flatten()
      Dense(units: 2, activation: .softmax)
    }
    model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy)
    if stopwatchRunning { model.stopwatch.start() }
    try model.fit(
      Tensor(randomUniform: [40, 8, 8, 1]), Tensor(labels: (0..<40).map { $0 % 2 }), batchSize: 8, verbose: 0)
    model.stopwatch.stop()
    return model
  }

  @Test func aRunningStopwatchTimesEveryLayerBothWaysAndCountsTheSteps() throws {
    let stopwatch = try trainedModel(stopwatchRunning: true).stopwatch
    #expect(stopwatch.timings.map(\.name) == ["conv2d", "flatten", "dense", "loss", "optimizer"])
    #expect(stopwatch.timings.map(\.className) == ["Conv2D", "Flatten", "Dense", "", ""])
    #expect(stopwatch.trainingSteps == 5)
    for timing in stopwatch.timings {
      #expect(timing.forwardSeconds > 0, "\(timing.name) forward")
    }
    for timing in stopwatch.timings.prefix(3) {
      #expect(timing.backwardSeconds > 0, "\(timing.name) backward")
    }
  }

  @Test func aStoppedStopwatchAddsNothingAndResetForgets() throws {
    let model = try trainedModel(stopwatchRunning: false)
    #expect(model.stopwatch.trainingSteps == 0)
    #expect(model.stopwatch.timings.allSatisfy { $0.forwardSeconds == 0 && $0.backwardSeconds == 0 })
    model.stopwatch.start()
    _ = try model(Tensor(zeros: [2, 8, 8, 1]))
    model.stopwatch.stop()
    #expect(model.stopwatch.timings.first?.forwardSeconds ?? 0 > 0)
    model.stopwatch.reset()
    #expect(model.stopwatch.timings.map(\.name) == ["loss", "optimizer"])
  }

  /// Nothing before the first layer with variables learns, so no gradient is sent back into it:
  /// a `Rescaling` in front is never run backward, and the convolution after it computes no
  /// input gradient (the costliest part of its backward pass at large image sizes).
  @Test func layersBeforeTheFirstThatLearnsAreNotRunBackward() throws {
    setRandomSeed(4)
    let model = try Sequential {
      Input(shape: [8, 8, 1])
      Rescaling(scale: 0.5)
      Conv2D(filters: 4, kernelSize: 3, activation: .relu)
      Flatten()
      Dense(units: 2, activation: .softmax)
    }
    model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy)
    model.stopwatch.start()
    try model.fit(
      Tensor(randomUniform: [16, 8, 8, 1]), Tensor(labels: (0..<16).map { $0 % 2 }), batchSize: 8, verbose: 0)
    let timings = model.stopwatch.timings
    #expect(timings[0].name == "rescaling" && timings[0].forwardSeconds > 0 && timings[0].backwardSeconds == 0)
    #expect(timings[1].name == "conv2d" && timings[1].backwardSeconds > 0)
  }

  /// Only training steps are timed, not validation passes; and a convolution that pools its
  /// output as it computes it counts the pooling's forward time in its own, and, as the first
  /// learning layer, which reads the pooling's gradient image by image, its backward time too.
  @Test func validationIsNotTimedAndAFusedPoolingCountsInTheConvolution() throws {
    setRandomSeed(5)
    let model = try Sequential {
      Input(shape: [10, 10, 1])
      Conv2D(filters: 16, kernelSize: 3, activation: .relu)
      MaxPooling2D(poolSize: 2)
      Flatten()
      Dense(units: 2, activation: .softmax)
    }
    model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy)
    let (images, labels) = (Tensor(randomUniform: [16, 10, 10, 1]), Tensor(labels: (0..<16).map { $0 % 2 }))
    model.stopwatch.start()
    try model.fit(images, labels, batchSize: 8, epochs: 2, verbose: 0, validationData: (images, labels))
    let timings = model.stopwatch.timings
    #expect(timings.map(\.name).prefix(2) == ["conv2d", "max_pooling2d"])
    #expect(timings[0].forwardSeconds > 0 && timings[1].forwardSeconds == 0)
    #expect(timings[0].backwardSeconds > 0 && timings[1].backwardSeconds == 0)
    #expect(model.stopwatch.isRunning)
  }
}
