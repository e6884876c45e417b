import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct ModelBuildingTests {
  @Test func sequentialAcceptsAListABlockAndAdd() throws {
    let fromList = try Sequential([Input(shape: [4]), Dense(units: 3), Dense(units: 2)])
    #expect(fromList.outputShape == [2])
    let fromBlock = try Sequential {
      Input(shape: [4])
      for units in [8, 4] { Dense(units: units, activation: .relu) }
      if fromList.isBuilt { Dense(units: 2) }
    }
    #expect(fromBlock.layers.map(\.outputShape) == [[8], [4], [2]])
    let added = try Sequential()
    try added.add(Input(shape: [4]))
    try added.add(Dense(units: 3))
    #expect(added.outputShape == [3])
  }

  @Test func aSequentialWithoutInputIsBuiltByItsFirstData() throws {
    let model = try Sequential([Flatten(), Dense(units: 2)])
    #expect(!model.isBuilt)
    let output = try model(Tensor(zeros: [3, 2, 2, 1]))
    #expect(output.shape == [3, 2])
    #expect(model.inputShape == [2, 2, 1])
  }

  @Test func aDenseAfterAConvolutionWithoutFlattenFailsWhenBuilt() {
    let error = #expect(throws: LayerError.self) {
      try Sequential {
        Input(shape: [32, 32, 3])
        Conv2D(filters: 16, kernelSize: 3)
        Dense(units: 5, name: "dense_out")
      }
    }
    #expect(error?.description.contains("A Flatten layer is missing: add Flatten() before \"dense_out\"") == true)
  }

  @Test func aFailedAddLeavesTheModelAsItWas() throws {
    let model = try Sequential([Input(shape: [4, 4, 1]), Conv2D(filters: 2, kernelSize: 3)])
    #expect(throws: LayerError.self) { try model.add(Conv2D(filters: 2, kernelSize: 3)) }
    #expect(model.layers.count == 1)
    try model.add(Flatten())
    #expect(model.outputShape == [8])
  }

  @Test func anInputOnlyComesFirst() {
    let error = #expect(throws: ModelError.self) { try Sequential([Dense(units: 2), Input(shape: [3])], name: "m") }
    #expect(error?.description.contains("Sequential \"m\" has an Input at position 2") == true)
  }

  @Test func aLayerCannotAppearTwiceInAModel() {
    let dense = Dense(units: 4, name: "twice")
    #expect(throws: LayerError.usedTwice(layer: "twice")) { try Sequential([Input(shape: [4]), dense, dense]) }
  }

  @Test func functionalModelsChainFromTheirInput() throws {
    let model = try ReferenceModel.lesson.makeModel()
    #expect(model.className == "Functional")
    #expect(model.layers.first is Input)
    #expect(model.layers.map(\.className) == ["InputLayer", "Conv2D", "MaxPooling2D", "Flatten", "Dense"])
  }

  @Test func outputsFromAnotherInputAreRejected() throws {
    let first = Input(shape: [4], name: "first")
    let second = Input(shape: [4], name: "second")
    let outputs = try Dense(units: 2)(second)
    let error = #expect(throws: ModelError.self) { try Model(inputs: first, outputs: outputs, name: "m") }
    #expect(error?.description.contains("the outputs were computed from input \"second\", not from \"first\"") == true)
  }

  @Test func predictNamesTheExpectedAndReceivedShapes() throws {
    let model = try ReferenceModel.lesson.makeModel()
    let wrongSize = #expect(throws: ModelError.self) { try model.predict(Tensor(zeros: [2, 28, 28, 3]), verbose: 0) }
    #expect(wrongSize?.description.contains("expects input (None, 32, 32, 3) but received (2, 28, 28, 3)") == true)
    #expect(wrongSize?.description.contains("Resize the images to 32×32 pixels") == true)
    let grayscale = #expect(throws: ModelError.self) { try model.predict(Tensor(zeros: [2, 32, 32, 1]), verbose: 0) }
    #expect(grayscale?.description.contains("have 1 channel(s) but the model expects 3") == true)
    let noChannel = try Sequential([Input(shape: [28, 28, 1]), Flatten(), Dense(units: 2)])
    let missing = #expect(throws: ModelError.self) { try noChannel.predict(Tensor(zeros: [5, 28, 28]), verbose: 0) }
    #expect(missing?.description.contains("lack a channel axis: reshape them to (5, 28, 28, 1)") == true)
  }

  @Test func weightsCanBeReadAndReplaced() throws {
    let model = try Sequential([Input(shape: [3]), Dense(units: 2), Dense(units: 1)])
    #expect(model.weights.map(\.shape) == [[3, 2], [2], [2, 1], [1]])
    let replaced = model.weights.map { Tensor(ones: $0.shape) }
    try model.setWeights(replaced)
    #expect(model.weights == replaced)
    #expect(throws: LayerError.self) { try model.setWeights(Array(replaced.dropLast())) }
  }
}
