/// What `MaxPooling2D` and `AveragePooling2D` share: a window that slides over each channel of an
/// image and keeps one value per position, shrinking the image (a 2×2 window with the default
/// stride halves the height and the width).
///
/// - Input shape: `(None, H, W, C)`.
/// - Output shape: `(None, H′, W′, C)` with `H′ = (H − poolHeight) / stride + 1` (rounded down)
///   for `.valid` padding, `H′ = ⌈H / stride⌉` for `.same`.
/// - No parameters.
public class Pooling2D: Layer {
  /// The height and width of the window.
  public let poolSize: Size2D
  /// How far the window moves between positions; Keras's default is the window size itself.
  public let strides: Size2D
  /// Whether the window may hang over the border (`.same`) or not (`.valid`).
  public let padding: Padding

  var geometry: WindowGeometry?
  var lastInputShape: [Int]?

  init(className: String, poolSize: Size2D, strides: Size2D?, padding: Padding, name: String?) {
    self.poolSize = poolSize
    self.strides = strides ?? poolSize
    self.padding = padding
    super.init(className: className, name: name)
    checkArguments(
      poolSize.validationError(layer: self.name, argument: "poolSize"),
      self.strides.validationError(layer: self.name, argument: "strides"))
  }

  override func computeOutputShape(for inputShape: [Int]) throws -> [Int] {
    let geometry = try windowGeometry(for: inputShape, window: poolSize, strides: strides, padding: padding)
    return [geometry.outputHeight, geometry.outputWidth, geometry.channels]
  }

  override func createState(for inputShape: [Int]) -> [Variable] {
    geometry = try? windowGeometry(for: inputShape, window: poolSize, strides: strides, padding: padding)
    return []
  }

  /// The output shape for a batch of `batch` items.
  func outputShape(batch: Int, geometry: WindowGeometry) -> [Int] {
    [batch, geometry.outputHeight, geometry.outputWidth, geometry.channels]
  }

  override var argumentsConfig: JSONObject {
    [
      "pool_size": poolSize.config,
      "padding": .string(padding.rawValue),
      "strides": strides.config,
      "data_format": "channels_last",
    ]
  }
}

/// Max pooling: keeps the largest value in each window, so a feature found anywhere in the window
/// survives while the image shrinks.
///
///     let pool = MaxPooling2D(poolSize: 2)
///     try pool.outputShape(for: [30, 30, 16])   // [15, 15, 16]
public final class MaxPooling2D: Pooling2D {
  private var outputs = ReusedStorage<Float>()
  private var winners = ReusedStorage<Int32>()

  /// Creates a max-pooling layer. Keras defaults: a 2×2 window, strides equal to the window,
  /// `.valid` padding.
  public init(poolSize: Size2D = 2, strides: Size2D? = nil, padding: Padding = .valid, name: String? = nil) {
    super.init(className: "MaxPooling2D", poolSize: poolSize, strides: strides, padding: padding, name: name)
  }

  override func forward(_ input: Tensor, training: Bool) -> Tensor {
    guard let geometry else { preconditionFailure("MaxPooling2D \(name) used before it was built") }
    let result = maxPoolingForward(
      input: input.scalars, batch: input.shape[0], geometry: geometry,
      reusing: (outputs.take(), winners.take()))
    outputs.keep(result.output)
    winners.keep(result.winners)
    lastInputShape = input.shape
    return Tensor(shape: outputShape(batch: input.shape[0], geometry: geometry), scalars: result.output)
  }

  override func backward(_ outputGradient: consuming Tensor) -> Tensor {
    backward(outputGradient, rectifying: false)
  }

  /// Hands over the memory of the last output and winners, for a convolution that computes
  /// this pooling itself to write into (see `Conv2D.forward(_:pooledBy:)`).
  func takeStorage() -> (output: [Float], winners: [Int32]) {
    (outputs.take(), winners.take())
  }

  /// Takes `output` and `winners`, computed by the layer before for an input of `inputShape`,
  /// as this layer's forward pass, ready for `backward`; returns the output.
  func adopt(output: [Float], winners: [Int32], inputShape: [Int]) -> Tensor {
    guard let geometry else { preconditionFailure("MaxPooling2D \(name) used before it was built") }
    outputs.keep(output)
    self.winners.keep(winners)
    lastInputShape = inputShape
    return Tensor(shape: outputShape(batch: inputShape[0], geometry: geometry), scalars: output)
  }

  /// Whether `backward(_:rectifying:)` can apply ReLU's derivative: it reads the pooled output
  /// that `forward` keeps.
  var canRectifyGradient: Bool { !outputs.kept.isEmpty }

  /// Whether `withGradientWriter` can serve: ReLU's derivative can be applied, and the windows
  /// tile the input.
  var canWriteGradientImageByImage: Bool { canRectifyGradient && geometry?.isTiling == true }

  /// Calls `body` with a function that writes image n's ∂loss/∂(the ReLU's input) `[H, W, C]`
  /// into a buffer, from `outputGradient`: what `backward(_:rectifying: true)` writes for that
  /// image. A convolution that reads its output gradient image by image then never stores the
  /// whole batch's (see `Conv2D.backward(pooledGradient:from:needsInputGradient:)`).
  ///
  /// - Precondition: `canWriteGradientImageByImage`.
  func withGradientWriter<Result>(
    for outputGradient: Tensor, _ body: ((Int, UnsafeMutablePointer<Float>) -> Void) -> Result
  ) -> Result {
    guard let geometry, canWriteGradientImageByImage else {
      preconditionFailure("MaxPooling2D \(name): no tiling forward pass on a ReLU's output to route a gradient through")
    }
    return outputGradient.scalars.withUnsafeBufferPointer { gradient in
      winners.kept.withUnsafeBufferPointer { winners in
        outputs.kept.withUnsafeBufferPointer { output in
          body { n, imageGradient in
            writeTiledGradients(
              of: n, geometry: geometry, gradient.baseAddress!, winners.baseAddress!,
              rectifiedOutput: output.baseAddress!, into: imageGradient)
          }
        }
      }
    }
  }

  /// Returns ∂loss/∂input for the last `forward`; with `rectifying`, for an input a ReLU made,
  /// ∂loss/∂(that ReLU's input): ReLU's derivative applied on the way (see `maxPoolingBackward`).
  ///
  /// - Precondition: `canRectifyGradient` when `rectifying`.
  func backward(_ outputGradient: consuming Tensor, rectifying: Bool) -> Tensor {
    defer { RecycledArrays.shared.recycle(outputGradient.scalars) }
    guard let lastInputShape else { preconditionFailure("MaxPooling2D \(name): backward called before forward") }
    precondition(!rectifying || canRectifyGradient, "MaxPooling2D \(name): rectifying needs a forward first")
    let gradient = maxPoolingBackward(
      outputGradient: outputGradient.scalars, winners: winners.kept, inputCount: lastInputShape.reduce(1, *),
      batch: lastInputShape[0], geometry: geometry, rectifiedOutput: rectifying ? outputs.kept : nil,
      reusing: RecycledArrays.shared.take(lastInputShape.reduce(1, *)))
    return Tensor(shape: lastInputShape, scalars: gradient)
  }
}

/// Average pooling: keeps the mean of each window, a smoothed, smaller image.
///
///     let pool = AveragePooling2D(poolSize: 2)
///     try pool.outputShape(for: [30, 30, 16])   // [15, 15, 16]
public final class AveragePooling2D: Pooling2D {
  /// Creates an average-pooling layer. Keras requires the window size; strides default to it and
  /// padding to `.valid`. With `.same` padding, cells outside the image are left out of the mean.
  public init(poolSize: Size2D, strides: Size2D? = nil, padding: Padding = .valid, name: String? = nil) {
    super.init(className: "AveragePooling2D", poolSize: poolSize, strides: strides, padding: padding, name: name)
  }

  override func forward(_ input: Tensor, training: Bool) -> Tensor {
    guard let geometry else { preconditionFailure("AveragePooling2D \(name) used before it was built") }
    lastInputShape = input.shape
    let output = averagePoolingForward(input: input.scalars, batch: input.shape[0], geometry: geometry)
    return Tensor(shape: outputShape(batch: input.shape[0], geometry: geometry), scalars: output)
  }

  override func backward(_ outputGradient: consuming Tensor) -> Tensor {
    defer { RecycledArrays.shared.recycle(outputGradient.scalars) }
    guard let geometry, let lastInputShape else {
      preconditionFailure("AveragePooling2D \(name): backward called before forward")
    }
    let gradient = averagePoolingBackward(
      outputGradient: outputGradient.scalars, batch: lastInputShape[0], geometry: geometry)
    return Tensor(shape: lastInputShape, scalars: gradient)
  }
}
