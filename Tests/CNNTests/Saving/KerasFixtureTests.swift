import CNNTestSupport
import Foundation
import Testing

@testable import CNN

/// `.keras` files written by the real Keras (`Fixtures/keras/`, made by `make_fixtures.py`
/// there), loaded without Python: each predicts what Keras predicted, and comes back compiled,
/// with Keras's optimizer and its state, exactly when Keras had compiled it.
@Suite(.isolatedSession) struct KerasFixtureTests {
  /// What `make_fixtures.py` recorded from Keras for one file.
  struct Expected: Decodable, CustomStringConvertible, Sendable {
    /// What Keras's optimizer held after `load_model`.
    struct Optimizer: Decodable, Sendable {
      let className: String
      let learningRate: Double
      let iterations: Int
      /// Its variables as Keras saves them, each flattened: step count, learning rate, slots.
      let variables: [[Double]]
    }

    /// The `.keras` file's name in `Fixtures/keras/`.
    let file: String
    /// The inputs' shape, `[N, H, W, C]`.
    let inputShape: [Int]
    /// The inputs, flattened.
    let inputs: [Double]
    /// Keras's `predict` output on them, flattened.
    let predictions: [Double]
    /// Whether Keras's loaded model was compiled.
    let compiled: Bool
    let optimizer: Optimizer?
    /// The metrics passed to `compile`, if any.
    let metrics: [String]?

    var description: String { file }
  }

  /// The `Fixtures/keras` folder.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/keras")

  static let names = [
    "sequential-adam-trained", "functional-rmsprop-trained", "sequential-sgd-untrained", "sequential-uncompiled",
    "functional-uncompiled",
  ]

  static func expected(_ name: String) throws -> Expected {
    let data = try Data(contentsOf: folder.appendingPathComponent("\(name).expected.json"))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Expected.self, from: data)
  }

  static func path(_ name: String) -> String { folder.appendingPathComponent("\(name).keras").path }

  @Test(arguments: names)
  func loadsAndPredictsWhatKerasPredicted(name: String) throws {
    let expected = try Self.expected(name)
    let model = try Model.load(from: Self.path(name))
    let inputs = Tensor(shape: expected.inputShape, scalars: expected.inputs.map { Float($0) })
    let predictions = try model.predict(inputs, verbose: 0).scalars
    #expect(predictions.count == expected.predictions.count)
    // Keras on JAX sums in another order; 1e-5 is a few float32 roundings on values near 1.
    let difference = zip(predictions, expected.predictions).map { Swift.abs(Double($0) - $1) }.max() ?? .infinity
    #expect(difference <= 1e-5, "largest absolute difference \(difference)")
  }

  @Test(arguments: names)
  func comesBackCompiledExactlyWhenKerasCompiledIt(name: String) throws {
    let expected = try Self.expected(name)
    let model = try Model.load(from: Self.path(name))
    #expect((model.optimizer != nil) == expected.compiled)
    #expect((model.loss != nil) == expected.compiled)
    guard let optimizer = model.optimizer, let saved = expected.optimizer else { return }
    #expect(optimizer.className == saved.className)
    #expect(optimizer.learningRate == Float(saved.learningRate))
    #expect(optimizer.iterations == saved.iterations)
    #expect(model.metrics.map(\.name) == (expected.metrics ?? []))
    // Keras records the loss by name, or as an object with its name and `from_logits`.
    let recorded = try JSONValue.parse(
      [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("\(name).expected.json"))))
    let loss = try #require(recorded["loss"])
    #expect(model.loss?.kind.rawValue == loss.stringValue ?? loss["config"]?["name"]?.stringValue)
    #expect(model.loss?.fromLogits == loss["config"]?["from_logits"]?.boolValue ?? false)
  }

  @Test(arguments: ["sequential-adam-trained", "functional-rmsprop-trained"])
  func aTrainedOptimizerKeepsTheStateKerasSaved(name: String) throws {
    let saved = try #require(try Self.expected(name).optimizer)
    let model = try Model.load(from: Self.path(name))
    let optimizer = try #require(model.optimizer)
    // Keras's variables after the step count and learning rate are the slots, in its order.
    let kerasSlots = saved.variables.dropFirst(2).flatMap { $0 }.map { Float($0) }
    let slots = KerasFile.kerasOrderedSlots(of: optimizer).flatMap(\.scalars)
    #expect(slots.count == kerasSlots.count)
    let first = zip(slots, kerasSlots).enumerated().first { $0.element.0 != $0.element.1 }
    #expect(
      first == nil, "slot value \(first?.offset ?? 0) is \(first?.element.0 ?? 0), Keras saved \(first?.element.1 ?? 0)"
    )
  }

  @Test(arguments: ["sequential-adam-trained", "functional-rmsprop-trained"])
  func savingAKerasFileAgainKeepsKerasOptimizerLayout(name: String) throws {
    let folder = try TemporaryFolder(prefix: "cnn-keras-fixture")
    let model = try Model.load(from: Self.path(name))
    try model.save(to: folder.path("again.keras"))
    func optimizerVariables(_ path: String) throws -> [HDF5Dataset] {
      let archive = try ZipArchive.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
      let weights = try HDF5Reader.decode(try #require(archive[KerasFile.weightsName]))
      guard case .group(let vars) = weights[path: "optimizer/vars"] else { return [] }
      return (0..<vars.children.count).compactMap {
        if case .dataset(let dataset) = vars.children[String($0)] { dataset } else { nil }
      }
    }
    let original = try optimizerVariables(Self.path(name))
    let again = try optimizerVariables(folder.path("again.keras"))
    #expect(again.map(\.shape) == original.map(\.shape))
    #expect(again.map(\.values) == original.map(\.values), "the values differ in order or content")
  }
}
