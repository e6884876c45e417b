import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct CompileByNameTests {
  @Test func kerasNamesGiveTheSameSettingsAsTheTypedForm() throws {
    let model = try SyntheticImages.brightSideModel()
    try model.compile(optimizer: "Adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"])
    #expect(model.optimizer?.className == "Adam")
    #expect(model.optimizer?.learningRate == 0.001)
    #expect(model.loss == .sparseCategoricalCrossentropy)
    #expect(model.metrics == [.accuracy])
    try model.compile(optimizer: "sgd", loss: "mse")
    #expect(model.optimizer?.className == "SGD")
    #expect(model.loss == .meanSquaredError)
    #expect(try Optimizer.named("rmsprop").className == "RMSprop")
  }

  @Test func anUnknownNameListsTheKnownOnes() throws {
    let model = try SyntheticImages.brightSideModel()
    let optimizer = #expect(throws: ModelError.self) { try model.compile(optimizer: "adma", loss: "mse") }
    #expect(
      optimizer?.description == "The optimizer must be one of \"adam\", \"sgd\", \"rmsprop\", but it is \"adma\".")
    let loss = #expect(throws: ModelError.self) { try model.compile(optimizer: "adam", loss: "crossentropy") }
    #expect(loss?.description.contains("\"sparse_categorical_crossentropy\"") == true)
    #expect(throws: ModelError.self) { try model.compile(optimizer: "adam", loss: "mse", metrics: ["precision"]) }
    #expect(model.optimizer == nil, "a failed compile changes nothing")
  }
}
