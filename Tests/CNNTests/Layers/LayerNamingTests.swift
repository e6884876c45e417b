import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct LayerNamingTests {
  @Test func classNamesBecomeKerasSnakeCase() {
    #expect(LayerNaming.snakeCase("Conv2D") == "conv2d")
    #expect(LayerNaming.snakeCase("MaxPooling2D") == "max_pooling2d")
    #expect(LayerNaming.snakeCase("GlobalAveragePooling2D") == "global_average_pooling2d")
    #expect(LayerNaming.snakeCase("InputLayer") == "input_layer")
    #expect(LayerNaming.snakeCase("Dense") == "dense")
    #expect(LayerNaming.snakeCase("SGD") == "sgd")
  }

  @Test func repeatedClassesGetNumberedNames() {
    #expect(Conv2D(filters: 1, kernelSize: 1).name == "conv2d")
    #expect(Conv2D(filters: 1, kernelSize: 1).name == "conv2d_1")
    #expect(MaxPooling2D().name == "max_pooling2d")
    #expect(Conv2D(filters: 1, kernelSize: 1).name == "conv2d_2")
    #expect(Dense(units: 1, name: "mine").name == "mine")
  }

  @Test func clearingTheSessionStartsNamesAgain() {
    _ = Dense(units: 1)
    clearSession()
    #expect(Dense(units: 1).name == "dense")
  }
}
