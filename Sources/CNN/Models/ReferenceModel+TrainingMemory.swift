/// The memory training a model takes, estimated from its layers' shapes before any weight exists,
/// so that a model too large for the machine is refused instead of ending the program.
///
/// Each parameter is a 4-byte float kept four times over while training with Adam: the weight, its
/// gradient and Adam's two moments. Each layer's output is kept for the backward pass, and its
/// gradient made there: two 4-byte floats per output value per image of the batch. The images of
/// a dataset from a folder are kept as one byte per sample (see `imageDatasetFromDirectory`).
public struct TrainingMemory: Equatable, Sendable {
  /// The number of weights and biases, as `Model.parameterCount` will count them.
  public let parameterCount: Int
  /// The values of every layer's output for one image.
  public let activationsPerImage: Int
  /// The images trained on at once.
  public let batchSize: Int
  /// The images kept in memory: the training and validation sets.
  public let imageCount: Int
  /// The bytes one kept image takes: one per sample, height · width · channels.
  public let bytesPerImage: Int

  /// The copies of each parameter training keeps: the weight, its gradient, Adam's two moments.
  public static let copiesPerParameter = 4
  /// The values kept per activation: the output, and its gradient in the backward pass.
  public static let valuesPerActivation = 2
  /// The bytes of one Float32.
  public static let bytesPerValue = 4

  /// The bytes for the parameters and their copies.
  public var parameterBytes: Int {
    parameterCount.multipliedClamped(by: Self.bytesPerValue * Self.copiesPerParameter)
  }

  /// The bytes for one batch's activations and their gradients.
  public var activationBytes: Int {
    activationsPerImage.multipliedClamped(by: batchSize).multipliedClamped(
      by: Self.bytesPerValue * Self.valuesPerActivation)
  }

  /// The bytes for the kept images.
  public var imageBytes: Int {
    imageCount.multipliedClamped(by: bytesPerImage)
  }

  /// The whole estimate, in bytes.
  public var totalBytes: Int {
    parameterBytes.addingClamped(activationBytes).addingClamped(imageBytes)
  }
}

extension ReferenceModel {
  /// Estimates what training this model on images of `inputShape` takes in memory, without
  /// creating a single weight (nor using up layer names), with `imageCount` images of that shape
  /// kept in memory.
  ///
  ///     let memory = try ReferenceModel.lesson.trainingMemory(inputShape: [28, 28, 1], classCount: 10)
  ///     memory.parameterCount   // 27,210, as makeModel(…).parameterCount
  ///
  /// - Throws: `LayerError` when the input is too small for the model's convolutions and pooling.
  public func trainingMemory(
    inputShape: [Int], classCount: Int? = nil, rescaling: Bool = false, batchSize: Int = 32, imageCount: Int = 0
  ) throws -> TrainingMemory {
    try LayerNaming.$current.withValue(LayerNaming()) {
      var shape = inputShape
      var parameters = 0
      var activations = 0
      for layer in layers(classCount: classCount, rescaling: rescaling) {
        let output = try layer.outputShape(for: shape)
        parameters = parameters.addingClamped(layer.parameterCount(for: shape))
        activations = activations.addingClamped(output.reduce(1) { $0.multipliedClamped(by: $1) })
        shape = output
      }
      return TrainingMemory(
        parameterCount: parameters, activationsPerImage: activations, batchSize: batchSize, imageCount: imageCount,
        bytesPerImage: inputShape.reduce(1) { $0.multipliedClamped(by: $1) })
    }
  }
}

extension Int {
  /// The product, or `Int.max` where it would overflow: an estimate that large is refused anyway.
  fileprivate func multipliedClamped(by other: Int) -> Int {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    return overflow ? .max : product
  }

  /// The sum, or `Int.max` where it would overflow.
  fileprivate func addingClamped(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? .max : sum
  }
}
