import CNNTestSupport
import TerminalUI
import Testing

@testable import CNN

/// A model fed an `ImageDataset` takes its batches as 8-bit pixels, converted in one pass with a
/// first `Rescaling` layer: every number comes out as it does from the batches as Float32.
@Suite(.isolatedSession) struct ModelBatchImagesTests {
  let folder: ImageFolder
  let quiet = TerminalOutput(isTerminal: false) { _ in }

  /// Two classes of 6×6 pictures, dark and light, each pixel different.
  init() throws {
    folder = try ImageFolder()
    for index in 0..<10 {
      for (name, base) in [("dark", 0), ("light", 140)] {
        let pixels = (0..<(6 * 6 * 3)).map { UInt8((base + index * 7 + $0 * 13 % 97) % 256) }
        try folder.addImage("\(name)/\(index).ppm", width: 6, height: 6, rgb: pixels)
      }
    }
  }

  func dataset() throws -> ImageDataset {
    try TerminalOutput.$current.withValue(quiet) {
      try imageDatasetFromDirectory(folder.path, batchSize: 8, imageSize: [6, 6], shuffle: false)
    }
  }

  /// The same images and labels as `dataset()`, as Float32 tensors in memory.
  func tensorDataset() throws -> TensorDataset {
    let batches = Array(try dataset())
    return try TensorDataset(
      images: Tensor(concatenating: batches.map(\.images)), labels: Tensor(concatenating: batches.map(\.labels)),
      batchSize: 8)
  }

  func model(rescaling: Bool) throws -> Model {
    setRandomSeed(3)
    let model = try Sequential {
      if rescaling { Rescaling(scale: 1.0 / 127.5, offset: -1) }
      Conv2D(filters: 4, kernelSize: 3, activation: .relu)
      Flatten()
      Dense(units: 2, activation: .softmax)
    }
    try model.build(inputShape: [6, 6, 3])
    model.compile(optimizer: .adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    return model
  }

  @Test(arguments: [true, false])
  func pixelsGiveTheOutputsOfTheirFloatValues(rescaling: Bool) throws {
    let model = try model(rescaling: rescaling)
    let batch = try #require(try dataset().makePixelIterator().next()).pixels
    for training in [false, true] {
      let fromPixels = model.forward(.pixels(batch), training: training)
      let fromFloats = model.forward(batch.tensor, training: training)
      #expect(fromPixels.scalars.map(\.bitPattern) == fromFloats.scalars.map(\.bitPattern))
    }
  }

  @Test func fitEvaluateAndPredictOnPixelsMatchTheSameImagesAsFloats() throws {
    let (pixelModel, floatModel) = (try model(rescaling: true), try model(rescaling: true))
    try floatModel.setWeights(pixelModel.weights)
    let (images, floats) = (try dataset(), try tensorDataset())
    let pixelHistory = try TerminalOutput.$current.withValue(quiet) {
      try pixelModel.fit(images, epochs: 2, verbose: 0, validationData: images)
    }
    let floatHistory = try TerminalOutput.$current.withValue(quiet) {
      try floatModel.fit(floats, epochs: 2, verbose: 0, validationData: floats)
    }
    #expect(pixelHistory.loss == floatHistory.loss && pixelHistory.validationLoss == floatHistory.validationLoss)
    #expect(pixelModel.weights.map(\.scalars) == floatModel.weights.map(\.scalars))
    #expect(try pixelModel.evaluate(images, verbose: 0) == floatModel.evaluate(floats, verbose: 0))
    #expect(try pixelModel.predict(images, verbose: 0) == floatModel.predict(floats, verbose: 0))
  }

  @Test func theStopwatchTimesTheLayerThatTakesThePixels() throws {
    let model = try model(rescaling: true)
    let batch = try #require(try dataset().makePixelIterator().next()).pixels
    model.stopwatch.start()
    _ = model.forward(.pixels(batch), training: true)
    model.stopwatch.stop()
    let timings = model.stopwatch.timings
    #expect(timings.map(\.name).prefix(2) == ["rescaling", "conv2d"])
    #expect(timings.prefix(4).allSatisfy { $0.forwardSeconds > 0 }, "\(timings)")
  }
}
