import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct PoolingLayerTests {
  @Test func aTwoByTwoPoolHalvesHeightAndWidth() throws {
    #expect(try MaxPooling2D(poolSize: 2).outputShape(for: [30, 30, 16]) == [15, 15, 16])
    #expect(try MaxPooling2D().outputShape(for: [13, 13, 32]) == [6, 6, 32])
    #expect(try AveragePooling2D(poolSize: 2).outputShape(for: [31, 30, 1]) == [15, 15, 1])
  }

  @Test func stridesDefaultToThePoolSize() {
    let pool = MaxPooling2D(poolSize: [3, 2])
    #expect(pool.strides == [3, 2])
    #expect(MaxPooling2D(poolSize: 3, strides: 1).strides == 1)
  }

  @Test func samePaddingRoundsUp() throws {
    #expect(try MaxPooling2D(poolSize: 2, padding: .same).outputShape(for: [15, 15, 4]) == [8, 8, 4])
  }

  @Test func poolingHasNoParameters() throws {
    let pool = MaxPooling2D()
    try pool.build(inputShape: [4, 4, 2])
    #expect(pool.parameterCount == 0)
  }

  @Test func aWindowLargerThanTheInputSaysSo() {
    let error = #expect(throws: LayerError.self) {
      try MaxPooling2D(poolSize: 2, name: "p").build(inputShape: [1, 1, 8])
    }
    #expect(
      error?.description.contains(
        "The 2×2 pooling window of MaxPooling2D \"p\" does not fit in its input (None, 1, 1, 8)") == true)
  }

  @Test func configHasKerasKeys() {
    #expect(
      MaxPooling2D().config.keys == ["name", "trainable", "dtype", "pool_size", "padding", "strides", "data_format"])
    #expect(MaxPooling2D().config["pool_size"] == [2, 2])
  }

  @Test func globalAveragePoolingGivesOneMeanPerChannel() throws {
    let pool = GlobalAveragePooling2D()
    let image = Tensor(shape: [1, 2, 2, 2], scalars: [1, 10, 2, 20, 3, 30, 4, 40])
    #expect(try pool(image).scalars == [2.5, 25])
    #expect(try pool.outputShape(for: [7, 7, 64]) == [64])
  }
}
