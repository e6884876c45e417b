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
    // term 1: weights, gradients, Adam's two moments; term 2: a batch's outputs kept and gradients.
    #expect(
      memory.totalBytes == model.parameterCount * 4 * 4 + 16 * memory.valuesPerImage * 4 + TrainingMemory.programBytes)
  }

  /// small on 28 × 28 × 1, counted by hand. Kept: the rescaled image (784), each pooling's
  /// output and winners (2 · 2,704 and 2 · 800), the last convolution's output (576), the dense
  /// layers' (64 + 7); not the first two convolutions' outputs, which their poolings compute as
  /// they go. Made: the loss's gradient (7), the input gradients of dense_1 (64), dense (576),
  /// conv2d_2 (800) and conv2d_1 (2,704), and max_pooling2d_1's (3,872: conv2d_1's 11 × 11
  /// outputs are too few to be read image by image); not max_pooling2d's, which the first
  /// convolution reads image by image, nor the first convolution's.
  @Test func smallHoldsWhatItsStepHolds() throws {
    let memory = try ReferenceModel.small.trainingMemory(inputShape: [28, 28, 1], classCount: 7, rescaling: true)
    let kept = 784 + 2 * 2_704 + 2 * 800 + 576 + 64 + 7
    let made = 7 + 64 + 576 + 800 + 2_704 + 3_872
    #expect(memory.valuesPerImage == kept + made)
  }

  /// bigger on 32 × 32 × 3, counted by hand. Kept: the rescaled image (3,072), conv2d's output
  /// (32,768; not conv2d_1's, pooled as computed), max_pooling2d's output and winners
  /// (2 · 8,192), conv2d_2's and conv2d_3's outputs (2 · 16,384: Winograd computes conv2d_3, so
  /// its pooling does not), max_pooling2d_1's (2 · 4,096), dense (128), dropout's output and
  /// mask (2 · 128), dense_1 (10). Made: the loss's gradient (10), dense_1's input gradient
  /// (128), dense's (4,096), conv2d_3's (16,384), conv2d_2's (8,192), max_pooling2d's (32,768),
  /// conv2d_1's (32,768); not dropout's (made in place), nor max_pooling2d_1's, which takes the
  /// memory of conv2d_3's output.
  @Test func biggerHoldsWhatItsStepHolds() throws {
    let memory = try ReferenceModel.bigger.trainingMemory(inputShape: [32, 32, 3], rescaling: true)
    let kept = 3_072 + 32_768 + 2 * 8_192 + 2 * 16_384 + 2 * 4_096 + 128 + 2 * 128 + 10
    let made = 10 + 128 + 4_096 + 16_384 + 8_192 + 32_768 + 32_768
    #expect(memory.valuesPerImage == kept + made)
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
    #expect(
      memory.totalBytes
        == memory.parameterBytes + memory.activationBytes + 7 * 24 * 40 * 3 + TrainingMemory.programBytes)
  }
}
