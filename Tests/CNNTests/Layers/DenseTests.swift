import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct DenseTests {
  @Test func outputHasOneValuePerUnit() throws {
    #expect(try Dense(units: 5).outputShape(for: [3600]) == [5])
  }

  @Test func parameterCountMatchesKeras() throws {
    let dense = Dense(units: 5, activation: .softmax)
    try dense.build(inputShape: [3600])
    #expect(dense.parameterCount == 18_005)
    #expect(dense.kernel?.shape == [3600, 5])
  }

  @Test func computesInputTimesKernelPlusBias() throws {
    let dense = Dense(units: 2)
    try dense.build(inputShape: [3])
    try dense.setWeights([Tensor([[1, 0], [0, 1], [1, 1]]), Tensor([10, 20])])
    #expect(try dense(Tensor([[1, 2, 3]])).scalars == [14, 25])
  }

  @Test func aFeatureMapInputSaysFlattenIsMissing() {
    let dense = Dense(units: 5, name: "dense_2")
    let error = #expect(throws: LayerError.self) { try dense.build(inputShape: [30, 30, 16]) }
    #expect(
      error?.description.contains(
        "Dense \"dense_2\" expects a flat input (None, features) but received (None, 30, 30, 16)") == true)
    #expect(error?.description.contains("A Flatten layer is missing: add Flatten() before \"dense_2\"") == true)
    #expect(error?.description.contains("14400 numbers") == true)
  }

  @Test func aTypoInTheSizeIsCaughtBeforeAllocating() {
    let error = #expect(throws: LayerError.self) { try Dense(units: 1_000_000, name: "big").build(inputShape: [3600]) }
    #expect(error?.description.contains("\"big\" would have 3600000000 parameters") == true)
  }

  @Test func configHasKerasKeys() {
    #expect(
      Dense(units: 3).config.keys == [
        "name", "trainable", "dtype", "units", "activation", "use_bias", "kernel_initializer", "bias_initializer",
        "kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint",
      ])
  }

  @Test func wrongWeightShapesAreRejected() throws {
    let dense = Dense(units: 2, name: "d")
    try dense.build(inputShape: [3])
    let error = #expect(throws: LayerError.self) { try dense.setWeights([Tensor(zeros: [2, 3]), Tensor(zeros: [2])]) }
    #expect(error?.description == "\"d\" cannot take new kernel values of shape (2, 3): its kernel has shape (3, 2).")
  }
}
