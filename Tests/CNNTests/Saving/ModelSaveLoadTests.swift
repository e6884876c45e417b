import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import CNN

@Suite(.isolatedSession) struct ModelSaveLoadTests {
  let folder: TemporaryFolder
  let quiet = TerminalOutput(isTerminal: false) { _ in }

  init() throws {
    folder = try TemporaryFolder(prefix: "cnn-save")
  }

  func path(_ name: String) -> String { folder.path(name) }

  func trainedBrightSideModel(epochs: Int = 2) throws -> (Model, Tensor, Tensor) {
    setRandomSeed(21)
    let model = try SyntheticImages.brightSideModel()
    model.compile(optimizer: .adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    let (images, labels) = SyntheticImages.brightSide(count: 64, seed: 2)
    try TerminalOutput.$current.withValue(quiet) {
      try model.fit(images, labels, batchSize: 16, epochs: epochs, verbose: 0)
    }
    return (model, images, labels)
  }

  @Test func aLoadedModelPredictsIdentically() throws {
    let (model, images, _) = try trainedBrightSideModel()
    try model.save(to: path("bright.cnnmodel"))
    let loaded = try Model.load(from: path("bright.cnnmodel"))
    #expect(try loaded.predict(images, verbose: 0) == model.predict(images, verbose: 0))
    #expect(loaded.summaryText() == model.summaryText())
    #expect(loaded.kerasConfig == model.kerasConfig)
  }

  @Test func savingCreatesAMissingFolder() throws {
    let (model, images, _) = try trainedBrightSideModel(epochs: 1)
    let nested = path("models/today/bright.cnnmodel")
    try model.save(to: nested)
    #expect(try Model.load(from: nested).predict(images, verbose: 0) == model.predict(images, verbose: 0))
  }

  @Test func aLoadedModelContinuesTrainingExactlyAsTheOriginal() throws {
    let (model, images, labels) = try trainedBrightSideModel()
    try model.save(to: path("checkpoint.cnnmodel"))
    let loaded = try Model.load(from: path("checkpoint.cnnmodel"))
    #expect(loaded.optimizer?.iterations == model.optimizer?.iterations)
    #expect(loaded.optimizer?.slots == model.optimizer?.slots)
    for candidate in [model, loaded] {
      setRandomSeed(99)
      try TerminalOutput.$current.withValue(quiet) {
        try candidate.fit(images, labels, batchSize: 16, epochs: 1, verbose: 0)
      }
    }
    #expect(loaded.weights == model.weights)
  }

  @Test func functionalModelsAndLogitLossesRoundTrip() throws {
    let model = try ReferenceModel.bigger.makeModel()
    model.compile(optimizer: SGD(learningRate: 0.05, momentum: 0.9, nesterov: true), loss: ReferenceModel.bigger.loss)
    try model.save(to: path("bigger.cnnmodel"))
    let loaded = try Model.load(from: path("bigger.cnnmodel"))
    #expect(loaded.loss == .sparseCategoricalCrossentropy(fromLogits: true))
    #expect((loaded.optimizer as? SGD)?.nesterov == true)
    #expect(loaded.weights == model.weights)
    let lesson = try ReferenceModel.lesson.makeModel()
    try lesson.save(to: path("lesson.cnnmodel"))
    let loadedLesson = try Model.load(from: path("lesson.cnnmodel"))
    #expect(loadedLesson.className == "Functional")
    #expect(loadedLesson.name == "cifar_model_intro")
    #expect(loadedLesson.optimizer == nil)
  }

  @Test func aConfigAskingForMoreWeightsThanTheFileHoldsIsRefusedBeforeBuilding() throws {
    let (model, _, _) = try trainedBrightSideModel(epochs: 1)
    try model.save(to: path("good.cnnmodel"))
    var contents = try ModelFile.read(from: path("good.cnnmodel"))
    // 36 features × 2,500,000 units: within the per-layer limit, far beyond the file's values.
    let edited = contents.content.serialized().replacingOccurrences(of: "\"units\": 2,", with: "\"units\": 2500000,")
    contents.content = try JSONValue.parse(Array(edited.utf8))
    try ModelFile.write(contents, to: path("greedy.cnnmodel"))
    let error = #expect(throws: ModelFileError.self) { try Model.load(from: path("greedy.cnnmodel")) }
    #expect(error?.description.contains("would have 92500000 parameters") == true, "\(String(describing: error))")
  }

  @Test func anUnbuiltModelCannotBeSaved() throws {
    let model = try Sequential([Dense(units: 2)], name: "unbuilt")
    let error = #expect(throws: ModelError.self) { try model.save(to: path("x.cnnmodel")) }
    #expect(error?.description.contains("Model \"unbuilt\" cannot be saved yet") == true)
  }

  @Test func truncatedCorruptedAndEmptyFilesGiveClearErrors() throws {
    let (model, _, _) = try trainedBrightSideModel(epochs: 1)
    try model.save(to: path("good.cnnmodel"))
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path("good.cnnmodel"))))

    try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: path("half.cnnmodel")))
    let truncated = #expect(throws: ModelFileError.self) { try Model.load(from: path("half.cnnmodel")) }
    #expect(truncated?.description.contains("cut off") == true, "\(String(describing: truncated))")

    var damaged = bytes
    damaged[bytes.count - 100] ^= 0x10
    try Data(damaged).write(to: URL(fileURLWithPath: path("damaged.cnnmodel")))
    let corrupted = #expect(throws: ModelFileError.self) { try Model.load(from: path("damaged.cnnmodel")) }
    #expect(corrupted?.description.contains("is damaged") == true)

    try Data().write(to: URL(fileURLWithPath: path("empty.cnnmodel")))
    let empty = #expect(throws: ModelFileError.self) { try Model.load(from: path("empty.cnnmodel")) }
    #expect(empty == .empty(path: path("empty.cnnmodel")))

    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 40))
      .write(to: URL(fileURLWithPath: path("picture.cnnmodel")))
    let foreign = #expect(throws: ModelFileError.self) { try Model.load(from: path("picture.cnnmodel")) }
    #expect(foreign?.description.contains("PNG") == true)

    let missing = #expect(throws: ModelFileError.self) { try Model.load(from: path("nothing-here.cnnmodel")) }
    #expect(missing?.description.contains("nothing-here.cnnmodel") == true)
  }

  @Test func anUnsupportedLayerIsNamed() throws {
    let model = try Sequential([Input(shape: [4]), Dense(units: 2, name: "d")])
    var config = model.kerasConfig
    var inner = try #require(config["config"]?.objectValue)
    var layers = try #require(inner["layers"]?.arrayValue)
    layers.append([
      "module": "keras.layers", "class_name": "BatchNormalization", "config": ["name": "batch_normalization"],
    ])
    inner["layers"] = .array(layers)
    config["config"] = .object(inner)
    let contents = ModelFileContents(
      content: ["model": .object(config), "optimizer_iterations": 0],
      tensors: model.variables.map { ("d/\($0.name)", $0.value) })
    try ModelFile.write(contents, to: path("bn.cnnmodel"))
    let error = #expect(throws: ModelFileError.self) { try Model.load(from: path("bn.cnnmodel")) }
    #expect(error?.description.contains("layer \"batch_normalization\" is a BatchNormalization") == true)
  }

  @Test func missingOrMisshapenWeightsAreNamed() throws {
    let model = try Sequential([Input(shape: [4]), Dense(units: 2, name: "d")])
    let config: JSONValue = ["model": .object(model.kerasConfig), "optimizer_iterations": 0]
    try ModelFile.write(
      ModelFileContents(content: config, tensors: [("d/kernel", Tensor(zeros: [4, 2]))]), to: path("m.cnnmodel"))
    #expect(throws: ModelFileError.missingWeights(path: path("m.cnnmodel"), name: "d/bias")) {
      try Model.load(from: path("m.cnnmodel"))
    }
    let wrong = ModelFileContents(
      content: config, tensors: [("d/kernel", Tensor(zeros: [2, 4])), ("d/bias", Tensor(zeros: [2]))])
    try ModelFile.write(wrong, to: path("w.cnnmodel"))
    let error = #expect(throws: ModelFileError.self) { try Model.load(from: path("w.cnnmodel")) }
    #expect(error?.description.contains("the weight 'd/kernel' has shape (2, 4) but its layer needs (4, 2)") == true)
  }
}
