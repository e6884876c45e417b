import CNNTestSupport
import Testing

@testable import CNN

/// Keras resolves "accuracy" from the shapes; each resolution is checked on a small batch.
@Suite(.isolatedSession) struct MetricTests {
  @Test func oneOutputMeansBinaryAccuracyWithAThresholdOfHalf() {
    let predictions = Tensor([[0.2], [0.7], [0.51], [0.4]])
    let targets = Tensor([[0], [1], [0], [1]])
    #expect(Metric.accuracy.correctCount(predictions: predictions, targets: targets) == 2)
  }

  @Test func severalOutputsCompareTheArgmaxWithTheLabel() {
    let predictions = Tensor([[0.1, 0.8, 0.1], [0.6, 0.3, 0.1], [0.2, 0.2, 0.6]])
    let oneHot = Tensor([[0, 1, 0], [0, 1, 0], [0, 0, 1]])
    #expect(Metric.accuracy.correctCount(predictions: predictions, targets: oneHot) == 2)
  }

  @Test func fitReportsAccuracyForEachKindOfLabel() throws {
    // The same model and data with integer labels, one-hot labels and a sigmoid output: the
    // reported accuracy must equal the one computed from predict.
    let (images, labels) = SyntheticImages.brightSide(count: 32, seed: 3)
    let kinds: [(Loss, ActivationFunction, Int, Tensor)] = [
      (.sparseCategoricalCrossentropy, .softmax, 2, labels),
      (.categoricalCrossentropy, .softmax, 2, try toCategorical(labels.classIndices, classCount: 2)),
      (.binaryCrossentropy, .sigmoid, 1, labels),
    ]
    for (loss, activation, units, targets) in kinds {
      setRandomSeed(4)
      let model = try Sequential([Input(shape: [8, 8, 1]), Flatten(), Dense(units: units, activation: activation)])
      model.compile(optimizer: .adam(), loss: loss, metrics: [.accuracy])
      let reported = try #require(try model.evaluate(images, targets, verbose: 0)["accuracy"])
      let output = try model.predict(images, verbose: 0)
      let predicted = units == 1 ? output.scalars.map { $0 > 0.5 ? 1 : 0 } : output.argmax(axis: -1)
      #expect(reported == (try accuracyScore(yTrue: labels.classIndices, yPred: predicted)), "\(loss)")
    }
  }
}
