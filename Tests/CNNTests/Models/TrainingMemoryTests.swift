import CNNTestSupport
import TerminalUI
import Testing

@testable import CNN

@Suite(.isolatedSession) struct TrainingMemoryTests {
  @Test(arguments: ReferenceModel.allCases, [[28, 28, 1], [32, 48, 3], [61, 29, 3]])
  func countsWhatTheBuiltModelHasWithoutBuildingIt(_ reference: ReferenceModel, inputShape: [Int]) throws {
    let memory = try reference.trainingMemory(inputShape: inputShape, classCount: 7, rescaling: true, batchSize: 16)
    let model = try reference.makeModel(inputShape: inputShape, classCount: 7, rescaling: true)
    #expect(memory.parameterCount == model.parameterCount)
    let activations = model.computingLayers.map { $0.outputShape!.reduce(1, *) }.reduce(0, +)
    #expect(memory.activationsPerImage == activations)
    // term 1: weights, gradients, Adam's two moments; term 2: outputs and their gradients.
    #expect(memory.totalBytes == model.parameterCount * 4 * 4 + 16 * activations * 4 * 2)
  }

  @Test func leavesLayerNamesToTheModelMadeAfterIt() throws {
    _ = try ReferenceModel.lesson.trainingMemory(inputShape: [32, 32, 3])
    let model = try ReferenceModel.lesson.makeModel()
    #expect(model.computingLayers.map(\.name) == ["conv2d", "max_pooling2d", "flatten", "dense"])
  }

  @Test func aTwelveMegapixelPhotoIsCountedWithoutAllocatingItsWeights() throws {
    let memory = try ReferenceModel.lesson.trainingMemory(inputShape: [3000, 4000, 3], classCount: 2)
    // (3000 − 2)/2 · (4000 − 2)/2 · 16 = 1499 · 1999 · 16 = 47,944,016 inputs to Dense(2), plus the
    // convolution's 448.
    #expect(memory.parameterCount == 47_944_016 * 2 + 2 + 448)
  }

  @Test func theKeptImagesAreCountedAsTheDatasetsKeepThem() throws {
    let folder = try ImageFolder()
    for index in 0..<7 {
      try folder.addImage("\(["cat", "dog"][index % 2])/\(index).ppm", value: UInt8(index), width: 50, height: 30)
    }
    let quiet = TerminalOutput(isTerminal: false) { _ in }
    let (training, validation) = try TerminalOutput.$current.withValue(quiet) {
      try imageDatasetFromDirectory(
        folder.path, imageSize: [24, 40], seed: 1, validationSplit: 0.3, subset: .both)
    }
    let memory = try ReferenceModel.small.trainingMemory(
      inputShape: [24, 40, 3], classCount: 2, rescaling: true, imageCount: training.count + validation.count)
    #expect(training.cache === validation.cache)
    #expect(memory.imageBytes == training.cache.keptBytes)
    #expect(memory.totalBytes == memory.parameterBytes + memory.activationBytes + 7 * 24 * 40 * 3)
  }
}
