import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct Conv2DTests {
  @Test func validPaddingShrinksEachSideByKernelSizeMinusOne() throws {
    #expect(try Conv2D(filters: 16, kernelSize: 3).outputShape(for: [32, 32, 3]) == [30, 30, 16])
    #expect(try Conv2D(filters: 8, kernelSize: [5, 3]).outputShape(for: [32, 20, 1]) == [28, 18, 8])
  }

  @Test func samePaddingKeepsTheSizeAndStridesDivideIt() throws {
    #expect(try Conv2D(filters: 4, kernelSize: 3, padding: .same).outputShape(for: [32, 32, 3]) == [32, 32, 4])
    // valid: ⌊(32 − 3) / 2⌋ + 1 = 15; same: ⌈32 / 2⌉ = 16, ⌈7 / 2⌉ = 4
    #expect(try Conv2D(filters: 4, kernelSize: 3, strides: 2).outputShape(for: [32, 32, 3]) == [15, 15, 4])
    #expect(
      try Conv2D(filters: 4, kernelSize: 3, strides: 2, padding: .same).outputShape(for: [32, 7, 3]) == [16, 4, 4])
  }

  @Test func parameterCountMatchesKeras() throws {
    // kernel 3·3·3·16 + bias 16 (Keras's summary of Conv2D(16, 3) on 32×32×3 shows 448)
    let conv = Conv2D(filters: 16, kernelSize: 3)
    try conv.build(inputShape: [32, 32, 3])
    #expect(conv.parameterCount == 448)
    #expect(conv.kernel?.shape == [3, 3, 3, 16])
    #expect(conv.bias?.shape == [16])
    let noBias = Conv2D(filters: 16, kernelSize: 3, useBias: false)
    try noBias.build(inputShape: [32, 32, 3])
    #expect(noBias.parameterCount == 432)
  }

  @Test func kernelStartsGlorotUniformAndBiasAtZero() throws {
    setRandomSeed(1)
    let conv = Conv2D(filters: 32, kernelSize: 3)
    try conv.build(inputShape: [8, 8, 16])
    let kernel = try #require(conv.kernel).value
    // L = √(6 / (fanIn + fanOut)) with fanIn = 3·3·16, fanOut = 3·3·32
    let limit = (6.0 / Float(144 + 288)).squareRoot()
    #expect(kernel.min() >= -limit && kernel.max() <= limit)
    #expect(kernel.max() > 0.9 * limit && kernel.min() < -0.9 * limit)
    #expect(Swift.abs(kernel.mean()) < 0.01)
    #expect(conv.bias?.value == Tensor(zeros: [32]))
  }

  @Test func configHasKerasKeysInKerasOrder() throws {
    let conv = Conv2D(filters: 8, kernelSize: 3, activation: .relu, name: "conv")
    #expect(
      conv.config.keys == [
        "name", "trainable", "dtype", "filters", "kernel_size", "strides", "padding", "data_format",
        "dilation_rate", "groups", "activation", "use_bias", "kernel_initializer", "bias_initializer",
        "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint",
      ])
    #expect(conv.config["kernel_size"] == [3, 3])
    #expect(conv.config["activation"] == "relu")
    #expect(conv.config["padding"] == "valid")
  }

  @Test func aKernelLargerThanItsInputSaysSo() {
    let conv = Conv2D(filters: 8, kernelSize: 5, name: "conv2d_9")
    let error = #expect(throws: LayerError.self) { try conv.build(inputShape: [3, 3, 64]) }
    #expect(
      error?.description.contains("The 5×5 kernel of Conv2D \"conv2d_9\" does not fit in its input (None, 3, 3, 64)")
        == true)
    #expect(error?.description.contains("padding: .same") == true)
  }

  @Test func grayscaleImagesWithoutAChannelAxisGetAdvice() {
    let conv = Conv2D(filters: 8, kernelSize: 3, name: "conv")
    let error = #expect(throws: LayerError.self) { try conv.build(inputShape: [28, 28]) }
    #expect(
      error?.description.contains("expects input (None, height, width, channels) but received (None, 28, 28)") == true)
    #expect(error?.description.contains("(None, 28, 28, 1)") == true)
  }

  @Test func impossibleArgumentsAreReportedWhenBuilt() {
    for conv in [
      Conv2D(filters: 0, kernelSize: 3), Conv2D(filters: 4, kernelSize: [3, 3, 3]),
      Conv2D(filters: 4, kernelSize: 3, strides: 0),
    ] {
      #expect(throws: LayerError.self) { try conv.build(inputShape: [8, 8, 1]) }
    }
    let error = #expect(throws: LayerError.self) {
      try Conv2D(filters: -2, kernelSize: 3, name: "c").build(inputShape: [8, 8, 1])
    }
    #expect(error?.description == "c: filters must be a positive number of kernels, but it is -2.")
  }

  @Test func aBuiltLayerRejectsAnotherInputShape() throws {
    let conv = Conv2D(filters: 2, kernelSize: 3, name: "c")
    _ = try conv(Tensor(zeros: [1, 8, 8, 3]))
    let error = #expect(throws: LayerError.self) { try conv(Tensor(zeros: [1, 9, 9, 3])) }
    #expect(error?.description.contains("was built for input (None, 8, 8, 3) but received (None, 9, 9, 3)") == true)
  }

  @Test func oneFilterFindsAVerticalEdge() throws {
    // A 3×3 kernel [-1 0 1] in every row responds where brightness rises from left to right.
    let conv = Conv2D(filters: 1, kernelSize: 3, useBias: false)
    try conv.build(inputShape: [3, 4, 1])
    try conv.setWeights([Tensor(shape: [3, 3, 1, 1], scalars: [-1, 0, 1, -1, 0, 1, -1, 0, 1])])
    let image = Tensor(shape: [1, 3, 4, 1], scalars: [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1])
    #expect(try conv(image).scalars == [3, 3])
  }
}
