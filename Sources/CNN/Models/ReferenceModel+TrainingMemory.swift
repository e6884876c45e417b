/// The memory training a model takes, estimated from its layers' shapes before any weight exists,
/// so that a model too large for the machine is refused instead of ending the program.
///
/// Each parameter is a 4-byte float kept four times over while training with Adam: the weight, its
/// gradient and Adam's two moments. A training step holds 4-byte values for each image of the
/// batch: the layer outputs kept for the backward pass, and the gradients the backward pass makes
/// (see `ReferenceModel.valuesPerImage` for which). The images of a dataset from a folder are kept
/// as one byte per sample (see `imageDatasetFromDirectory`). The program itself takes a few
/// megabytes more.
public struct TrainingMemory: Equatable, Sendable {
  /// The number of weights and biases, as `Model.parameterCount` will count them.
  public let parameterCount: Int
  /// The values a training step holds for one image: outputs kept and gradients made.
  public let valuesPerImage: Int
  /// The images trained on at once.
  public let batchSize: Int
  /// The images kept in memory: the training and validation sets.
  public let imageCount: Int
  /// The bytes one kept image takes: one per sample, height · width · channels.
  public let bytesPerImage: Int

  /// The copies of each parameter training keeps: the weight, its gradient, Adam's two moments.
  public static let copiesPerParameter = 4
  /// The bytes of one Float32.
  public static let bytesPerValue = 4
  /// The bytes of the program itself, before any model: the Swift runtime, Foundation and the
  /// lesson's code, 24 MiB resident at their peak in `lesson --help` on Linux.
  public static let programBytes = 24 << 20

  /// The bytes for the parameters and their copies.
  public var parameterBytes: Int {
    parameterCount.multipliedClamped(by: Self.bytesPerValue * Self.copiesPerParameter)
  }

  /// The bytes a training step holds for its batch: outputs kept and gradients made.
  public var activationBytes: Int {
    valuesPerImage.multipliedClamped(by: batchSize).multipliedClamped(by: Self.bytesPerValue)
  }

  /// The bytes for the kept images.
  public var imageBytes: Int {
    imageCount.multipliedClamped(by: bytesPerImage)
  }

  /// The whole estimate, in bytes.
  public var totalBytes: Int {
    parameterBytes.addingClamped(activationBytes).addingClamped(imageBytes).addingClamped(Self.programBytes)
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
      let layers = layers(classCount: classCount, rescaling: rescaling)
      var inputs = [inputShape]
      var parameters = 0
      for layer in layers {
        parameters = parameters.addingClamped(layer.parameterCount(for: inputs[inputs.count - 1]))
        inputs.append(try layer.outputShape(for: inputs[inputs.count - 1]))
      }
      return TrainingMemory(
        parameterCount: parameters, valuesPerImage: try Self.valuesPerImage(of: layers, shapes: inputs),
        batchSize: batchSize, imageCount: imageCount, bytesPerImage: Self.count(inputShape))
    }
  }

  /// The values a training step holds per image for `layers`, whose inputs and output are
  /// `shapes` (one more than the layers), as `Model.forward` and `Model.backward` hold them:
  ///
  /// - Kept for the backward pass: each layer's output, a max pooling's winners too and a
  ///   dropout's mask; not a flatten's (the same values), nor a convolution's that the max pooling
  ///   after it computes as it goes (see `Conv2D.forward(_:pooledBy:)`).
  /// - Made by the backward pass: the loss's gradient, and each input gradient after the first
  ///   learning layer; not a flatten's or a dropout's (made in place), nor a max pooling's when
  ///   the convolution before reads it image by image (see `Conv2D.backward(pooledGradient:…)`)
  ///   or takes the memory of the output it let go of.
  static func valuesPerImage(of layers: [Layer], shapes: [[Int]]) throws -> Int {
    let firstLearning = layers.indices.first { layers[$0].parameterCount(for: shapes[$0]) > 0 } ?? layers.count
    var values = count(shapes[layers.count])  // the loss's gradient
    for (index, layer) in layers.enumerated() {
      let (input, output) = (count(shapes[index]), count(shapes[index + 1]))
      let fusion = try pooling(after: index, of: layers, shapes: shapes, firstLearning: firstLearning)
      switch layer {
      case is Flatten:
        break
      case is MaxPooling2D, is Dropout:
        values = values.addingClamped(2 * output)
      case is Conv2D where fusion?.isPooledAsComputed == true:
        break
      default:
        values = values.addingClamped(output)
      }
      guard index > firstLearning, !(layer is Flatten), !(layer is Dropout) else { continue }
      if layer is MaxPooling2D,
        let before = try pooling(after: index - 1, of: layers, shapes: shapes, firstLearning: firstLearning),
        before.readsGradientImageByImage || !before.isPooledAsComputed
      {
        continue
      }
      values = values.addingClamped(input)
    }
    return values
  }

  /// How the convolution at `index` meets a max pooling after its ReLU, or nil where it is not a
  /// ReLU convolution followed by a max pooling.
  private static func pooling(after index: Int, of layers: [Layer], shapes: [[Int]], firstLearning: Int) throws
    -> (isPooledAsComputed: Bool, readsGradientImageByImage: Bool)?
  {
    guard index + 1 < layers.count, let convolution = layers[index] as? Conv2D, convolution.activation == .relu,
      let pool = layers[index + 1] as? MaxPooling2D
    else { return nil }
    let g = try convolution.windowGeometry(
      for: shapes[index], window: convolution.kernelSize, strides: convolution.strides, padding: convolution.padding)
    let p = try pool.windowGeometry(
      for: shapes[index + 1], window: pool.poolSize, strides: pool.strides, padding: pool.padding)
    let (filters, activation) = (convolution.filters, convolution.activation)
    return (
      Conv2D.poolsAsComputed(geometry: g, filters: filters, activation: activation, pool: p),
      Conv2D.readsPooledGradientImageByImage(
        geometry: g, filters: filters, activation: activation, pool: p, needsInputGradient: index > firstLearning)
    )
  }

  private static func count(_ shape: [Int]) -> Int {
    shape.reduce(1) { $0.multipliedClamped(by: $1) }
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
