/// A 2-D convolution: slides `filters` small learned kernels over an image and returns one
/// feature map per kernel. Each kernel learns to respond to a simple pattern, such as an edge,
/// a corner or a patch of colour.
///
/// - Input shape: `(None, H, W, C)`, channels last, as in Keras.
/// - Output shape: `(None, H′, W′, filters)` where, for stride 1, `H′ = H − kernelHeight + 1`
///   with `.valid` padding (the default) and `H′ = H` with `.same`; a stride of s divides the
///   size by s, rounded down with `.valid` and up with `.same`.
/// - Parameters: a kernel `[kernelHeight, kernelWidth, C, filters]` (Glorot-uniform initial values)
///   and a bias `[filters]` (zeros), so `kernelHeight·kernelWidth·C·filters + filters` values.
///
///     let conv = Conv2D(filters: 16, kernelSize: 3, activation: .relu)
///     try conv.outputShape(for: [32, 32, 3])   // [30, 30, 16]
///     try conv.build(inputShape: [32, 32, 3])
///     conv.parameterCount                      // 448 = 3·3·3·16 + 16
public final class Conv2D: Layer, ActivatedLayer {
  /// The number of kernels, and so of output channels.
  public let filters: Int
  /// The height and width of each kernel, in pixels.
  public let kernelSize: Size2D
  /// How many pixels the kernel moves between positions, down and across.
  public let strides: Size2D
  /// Whether the kernel may hang over the border (`.same`) or not (`.valid`).
  public let padding: Padding
  /// The function applied to every output value.
  public let activation: ActivationFunction
  /// Whether a learned bias is added to each output channel.
  public let useBias: Bool

  private var geometry: WindowGeometry?
  private var lastInput: Tensor?
  private var stage: ActivationStage
  private var kernelGradients = ReusedStorage<Float>()
  private var biasGradients = ReusedStorage<Float>()

  /// Creates a convolution layer; the number of input channels is learned when it is built.
  ///
  /// Keras defaults: `strides: 1`, `padding: .valid`, no activation, a bias.
  public init(
    filters: Int, kernelSize: Size2D, strides: Size2D = 1, padding: Padding = .valid,
    activation: ActivationFunction = .linear, useBias: Bool = true, name: String? = nil
  ) {
    self.filters = filters
    self.kernelSize = kernelSize
    self.strides = strides
    self.padding = padding
    self.activation = activation
    self.useBias = useBias
    self.stage = ActivationStage(activation)
    super.init(className: "Conv2D", name: name)
    checkArguments(
      requirePositive(filters, "filters", meaning: "a positive number of kernels"),
      kernelSize.validationError(layer: self.name, argument: "kernelSize"),
      strides.validationError(layer: self.name, argument: "strides"))
  }

  /// The learned kernels, `[kernelHeight, kernelWidth, C, filters]`.
  public var kernel: Variable? { variables.first }

  /// The learned bias, `[filters]`, or nil without one.
  public var bias: Variable? { useBias ? variables.last : nil }

  var lastPreActivation: Tensor? { stage.preActivation }

  override func computeOutputShape(for inputShape: [Int]) throws -> [Int] {
    let geometry = try windowGeometry(for: inputShape, window: kernelSize, strides: strides, padding: padding)
    try checkParameterCount(geometry.patchSize, filters)
    return [geometry.outputHeight, geometry.outputWidth, filters]
  }

  override func parameterCount(for inputShape: [Int]) -> Int {
    kernelSize.height * kernelSize.width * inputShape[2] * filters + (useBias ? filters : 0)
  }

  override func createState(for inputShape: [Int]) -> [Variable] {
    let channels = inputShape[2]
    geometry = try? windowGeometry(for: inputShape, window: kernelSize, strides: strides, padding: padding)
    let area = kernelSize.height * kernelSize.width
    let kernel = Variable(
      name: "kernel",
      value: Initializer.glorotUniform(
        shape: [kernelSize.height, kernelSize.width, channels, filters],
        fanIn: area * channels, fanOut: area * filters))
    return useBias ? [kernel, Variable(name: "bias", value: Tensor(zeros: [filters]))] : [kernel]
  }

  override func forward(_ input: Tensor, training: Bool) -> Tensor {
    guard let geometry, let kernel else { preconditionFailure("Conv2D \(name) used before it was built") }
    let batch = input.shape[0]
    let shape = [batch, geometry.outputHeight, geometry.outputWidth, filters]
    // Last step's output, or when that was let go of, an array of its size from the pool; the
    // same in inference, so that validating batch after batch takes no new memory.
    var storage = stage.takeStorage()
    if storage.isEmpty { storage = RecycledArrays.shared.take(shape.reduce(1, *)) }
    let output = ConvolutionAlgorithm.choose(for: geometry, filters: filters).forward(
      input: input.scalars, kernel: kernel.value.scalars, bias: bias?.value.scalars, batch: batch,
      filters: filters, geometry: geometry, rectifies: activation == .relu, reusing: consume storage)
    keepForBackward(input, training: training)
    return stage.forward(Tensor(shape: shape, scalars: output), isRectified: activation == .relu)
  }

  override func backward(_ outputGradient: consuming Tensor) -> Tensor {
    let preActivationGradient = stage.backward(outputGradient)
    defer { RecycledArrays.shared.recycle(preActivationGradient.scalars) }
    return backward(preActivationGradient: preActivationGradient)
  }

  func backward(preActivationGradient: Tensor) -> Tensor {
    accumulateGradients(preActivationGradient: preActivationGradient, needsInputGradient: true)
  }

  override func backwardSkippingInputGradient(_ outputGradient: consuming Tensor) {
    let preActivationGradient = stage.backward(outputGradient)
    backwardSkippingInputGradient(preActivationGradient: preActivationGradient)
    RecycledArrays.shared.recycle(preActivationGradient.scalars)
  }

  /// Whether a convolution of `geometry` with `filters` and `activation` computes the max pooling
  /// of `pool` after it as it goes (`forward(_:pooledBy:training:)`): with ReLU, windows that tile
  /// its output, and the windowed algorithm. `trainingMemory(inputShape:…)` counts by this rule.
  static func poolsAsComputed(
    geometry: WindowGeometry, filters: Int, activation: ActivationFunction, pool: WindowGeometry
  ) -> Bool {
    activation == .relu && pool.isTiling && ConvolutionAlgorithm.choose(for: geometry, filters: filters) == .windowed
  }

  /// Whether such a convolution also reads the pooling's gradient image by image
  /// (`backward(pooledGradient:from:needsInputGradient:)`): always without an input gradient, and
  /// with one only where each image is a gradient group of its own (see there).
  static func readsPooledGradientImageByImage(
    geometry: WindowGeometry, filters: Int, activation: ActivationFunction, pool: WindowGeometry,
    needsInputGradient: Bool
  ) -> Bool {
    poolsAsComputed(geometry: geometry, filters: filters, activation: activation, pool: pool)
      && (!needsInputGradient || imagesPerGradientGroup(geometry) == 1)
  }

  /// Computes this layer and the max pooling after it in one pass: the output rows
  /// one row of windows covers are pooled as soon as they are computed, and the convolution's
  /// output is never stored (see `convolutionForwardPooled`; the pooling then applies ReLU's
  /// derivative in the backward pass). Returns the pooling's output, or nil where the two cannot
  /// be fused (see `poolsAsComputed`).
  func forward(_ input: Tensor, pooledBy pool: MaxPooling2D, training: Bool) -> Tensor? {
    guard let geometry, let kernel, let poolGeometry = pool.geometry,
      Self.poolsAsComputed(geometry: geometry, filters: filters, activation: activation, pool: poolGeometry)
    else { return nil }
    let batch = input.shape[0]
    // Whatever output an unfused pass left (validation's last, smaller batch, say) is let go of.
    _ = stage.takeStorage()
    let result = convolutionForwardPooled(
      input: input.scalars, kernel: kernel.value.scalars, bias: bias?.value.scalars, batch: batch, filters: filters,
      geometry: geometry, pool: poolGeometry, reusing: pool.takeStorage())
    keepForBackward(input, training: training)
    return pool.adopt(
      output: result.output, winners: result.winners,
      inputShape: [batch, geometry.outputHeight, geometry.outputWidth, filters])
  }

  /// Keeps `input` for the backward pass, in training only: in inference, holding it would keep
  /// the layer before from writing its next output into the same memory.
  private func keepForBackward(_ input: Tensor, training: Bool) {
    lastInput = training ? input : nil
  }

  /// The output of the last `forward`, while the layer keeps it for the backward pass.
  var keptOutput: Tensor? { stage.output }

  /// Hands the last training `forward`'s output storage to `RecycledArrays`, when the activation
  /// is ReLU and a max pooling after it has read the output: the pooling applies ReLU's
  /// derivative in the backward pass (see `Model.backward`), so the output is not needed again,
  /// and the backward pass takes its memory for the gradient of the same size.
  func letGoOfOutput() {
    if let output = stage.letGoOfOutput() { RecycledArrays.shared.recycle(output) }
  }

  func backwardSkippingInputGradient(preActivationGradient: Tensor) {
    _ = accumulateGradients(preActivationGradient: preActivationGradient, needsInputGradient: false)
  }

  /// Adds this batch's kernel and bias gradients and returns the input gradient (empty when not
  /// `needsInputGradient`), given the gradient of the max pooling after this layer's ReLU,
  /// without ever storing this layer's own output gradient: the pooling writes each image's as
  /// the backward pass reads it (see `MaxPooling2D.withGradientWriter`). At 180×180, `small`'s
  /// first two layers' output gradients take 65 and 31 MB a batch. The gradients have the same
  /// bits as `pool.backward(_:rectifying: true)` then `backward(preActivationGradient:)`.
  ///
  /// - Returns: nil, having done nothing, where the pooling cannot write the gradient image by
  ///   image, or the layer does not pool as it computes; or where the input gradient is needed
  ///   and several images make a gradient group. That input gradient would then be shared out
  ///   over the threads group by group, unevenly (three groups on two threads for `small`'s second
  ///   layer at 32×32: 2–3 % slower), for an output gradient too small to matter.
  func backward(pooledGradient: Tensor, from pool: MaxPooling2D, needsInputGradient: Bool) -> Tensor? {
    guard let geometry, let poolGeometry = pool.geometry, pool.canWriteGradientImageByImage,
      Self.readsPooledGradientImageByImage(
        geometry: geometry, filters: filters, activation: activation, pool: poolGeometry,
        needsInputGradient: needsInputGradient)
    else { return nil }
    return pool.withGradientWriter(for: pooledGradient) { write in
      withoutActuallyEscaping(write) { write in
        accumulateGradients(
          preActivationGradient: nil, needsInputGradient: needsInputGradient, writeOutputGradient: write)
      }
    }
  }

  /// Adds this batch's kernel and bias gradients and returns the input gradient (empty when not
  /// needed). The input is let go of: the next forward pass may then reuse its memory. Without a
  /// `preActivationGradient`, `writeOutputGradient` writes it image by image (see
  /// `convolutionBackward`).
  private func accumulateGradients(
    preActivationGradient: Tensor?, needsInputGradient: Bool,
    writeOutputGradient: ((Int, UnsafeMutablePointer<Float>) -> Void)? = nil
  ) -> Tensor {
    guard let geometry, let kernel, let lastInput else {
      preconditionFailure("Conv2D \(name): backward called before a training forward")
    }
    self.lastInput = nil
    let computed = ConvolutionAlgorithm.choose(for: geometry, filters: filters).backward(
      input: lastInput.scalars, kernel: kernel.value.scalars, outputGradient: preActivationGradient?.scalars ?? [],
      batch: lastInput.shape[0], filters: filters, geometry: geometry, needsInputGradient: needsInputGradient,
      reusing: (
        needsInputGradient ? RecycledArrays.shared.take(lastInput.scalarCount) : [], kernelGradients.take(),
        biasGradients.take()
      ), writeOutputGradient: writeOutputGradient)
    kernel.accumulateGradient(computed.kernel)
    bias?.accumulateGradient(computed.bias)
    kernelGradients.keep(computed.kernel)
    biasGradients.keep(computed.bias)
    return needsInputGradient ? Tensor(shape: lastInput.shape, scalars: computed.input) : Tensor(zeros: [0])
  }

  override var argumentsConfig: JSONObject {
    [
      "filters": .integer(filters),
      "kernel_size": kernelSize.config,
      "strides": strides.config,
      "padding": .string(padding.rawValue),
      "data_format": "channels_last",
      "dilation_rate": [1, 1],
      "groups": 1,
      "activation": .string(activation.kerasName),
      "use_bias": .bool(useBias),
      "kernel_initializer": Initializer.glorotUniformConfig,
      "bias_initializer": Initializer.zerosConfig,
      "kernel_regularizer": nil,
      "bias_regularizer": nil,
      "activity_regularizer": nil,
      "kernel_constraint": nil,
      "bias_constraint": nil,
    ]
  }
}
