import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import CNN

/// Round trips with the real Keras (`pip install keras jax h5py safetensors`; `.ci/run` installs
/// them): a model saved here opens in Keras and predicts the same, and a model Keras saved opens here.
///
/// Each test says what it needs (`.needsKeras`, `.needsPython`) and is skipped, with a message
/// naming what to install, where that is missing: a Mac's `python3` has no Keras, and README's
/// test command must pass there. `.ci/run` sets `CNN_REQUIRE_KERAS=1`, under which nothing is
/// skipped and a missing Keras fails, so CI always proves the round trips.
@Suite(.isolatedSession)
struct KerasInteropTests {
  let folder: TemporaryFolder
  let quiet = TerminalOutput(isTerminal: false) { _ in }

  init() throws {
    folder = try TemporaryFolder(prefix: "cnn-keras")
  }

  func path(_ name: String) -> String { folder.path(name) }

  /// A batch of 32 real digit images, 28×28 grey, and their labels.
  func digits() throws -> (images: Tensor, labels: Tensor) {
    let dataset = try imageDatasetFromDirectory(
      Python.repository.appendingPathComponent("Datasets/digits/train").path, colorMode: .grayscale, batchSize: 32,
      imageSize: [28, 28], seed: 4, verbose: false)
    return try #require(dataset.makeIterator().next())
  }

  /// Trains `model` for a few steps on real digits, saves it as `name`, and checks that Keras
  /// loads it and predicts within 1e-5 of this library on the same images.
  func checkKerasPredictsLikeSwift(_ model: Model, loss: Loss, name: String) throws {
    let (images, labels) = try digits()
    model.compile(optimizer: .adam(learningRate: 0.01), loss: loss, metrics: [.accuracy])
    try TerminalOutput.$current.withValue(quiet) {
      try model.fit(images, labels, batchSize: 8, epochs: 2, verbose: 0)
    }
    try model.save(to: path(name))
    let predictions = try model.predict(images, verbose: 0)
    try Python.writeFloats(images, to: path("images.f32"))
    try Python.writeFloats(predictions, to: path("predictions.f32"))
    let result = try Python.run(
      Python.predictScript,
      arguments: [
        path(name), path("images.f32"), images.shape.map(String.init).joined(separator: ","),
        path("predictions.f32"),
      ])
    #expect(result.status == 0, "Keras could not load or match \(name):\n\(result.output)")

    try model.saveWeights(to: path("weights.safetensors"))
    try model.saveWeights(to: path("model.weights.h5"))
    let weights = try Python.run(
      Python.weightsScript, arguments: [path(name), path("weights.safetensors"), path("model.weights.h5")])
    #expect(weights.status == 0, "Python could not read the weights of \(name):\n\(weights.output)")
  }

  @Test(.enabled(if: Python.isRequired, "runs where CNN_REQUIRE_KERAS=1")) func kerasIsInstalledWhereItIsRequired() {
    #expect(Python.keras == .usable, "CNN_REQUIRE_KERAS=1, but \(Python.keras.problem)")
  }

  @Test(.needsKeras) func kerasLoadsASequentialModelSavedHereAndPredictsTheSame() throws {
    setRandomSeed(3)
    let model = try Sequential(name: "digits") {
      Input(shape: [28, 28, 1])
      Rescaling(scale: 1.0 / 255)
      Conv2D(filters: 8, kernelSize: 3, activation: .relu)
      MaxPooling2D(poolSize: 2)
      Conv2D(filters: 8, kernelSize: 3, padding: .same, activation: .relu)
      AveragePooling2D(poolSize: 2)
      Flatten()
      Dropout(rate: 0.25)
      Dense(units: 16, activation: .relu)
      Dense(units: 10, activation: .softmax)
    }
    try checkKerasPredictsLikeSwift(model, loss: .sparseCategoricalCrossentropy, name: "digits.keras")
  }

  @Test(.needsKeras) func kerasLoadsAFunctionalModelWithLogitsSavedHere() throws {
    setRandomSeed(4)
    let inputs = Input(shape: [28, 28, 1])
    var x = try Rescaling(scale: 1.0 / 255)(inputs)
    x = try Conv2D(filters: 4, kernelSize: 5, strides: 2, padding: .same, activation: .relu)(x)
    x = try GlobalAveragePooling2D()(x)
    let outputs = try Dense(units: 10)(x)
    let model = try Model(inputs: inputs, outputs: outputs, name: "functional_digits")
    try checkKerasPredictsLikeSwift(
      model, loss: .sparseCategoricalCrossentropy(fromLogits: true), name: "functional.keras")
  }

  /// Has Keras build, train and save the model `kind` of `Python.saveScript`, predicting on real
  /// digits; returns the file, the images and Keras's predictions.
  func kerasSavedModel(_ kind: String) throws -> (path: String, images: Tensor, predictions: [Float]) {
    let (images, _) = try digits()
    try Python.writeFloats(images, to: path("images.f32"))
    let result = try Python.run(
      Python.saveScript, arguments: [kind, path("\(kind).keras"), path("images.f32"), path("keras-predictions.f32")])
    try #require(result.status == 0, "Keras could not save the \(kind) model:\n\(result.output)")
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path("keras-predictions.f32"))))
    let predictions = stride(from: 0, to: bytes.count, by: 4).map { offset in
      Float(
        bitPattern: UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
          | UInt32(bytes[offset + 3]) << 24)
    }
    return (path("\(kind).keras"), images, predictions)
  }

  @Test(.needsKeras, arguments: ["sequential", "functional"])
  func aModelKerasSavedLoadsHereAndPredictsTheSame(kind: String) throws {
    let (file, images, expected) = try kerasSavedModel(kind)
    let model = try Model.load(from: file)
    let predictions = try model.predict(images, verbose: 0).scalars
    #expect(predictions.count == expected.count)
    let difference = zip(predictions, expected).map { Swift.abs($0 - $1) }.max() ?? .infinity
    #expect(difference <= 1e-5, "largest absolute difference \(difference)")
    #expect(model.optimizer?.iterations == 4, "the optimizer's step count comes back")
  }

  @Test(.needsKeras) func weightsPythonWroteAsSafetensorsLoadHere() throws {
    let (file, images, expected) = try kerasSavedModel("sequential")
    let result = try Python.run(
      """
      import sys, keras
      from safetensors.numpy import save_file
      \(Python.weightsByPath)
      save_file(weights_by_path(keras.models.load_model(sys.argv[1])), sys.argv[2])
      """, arguments: [file, path("from-python.safetensors")])
    try #require(result.status == 0, "Python could not write safetensors:\n\(result.output)")
    let model = try Model.load(from: file)
    try model.setWeights(model.weights.map { Tensor(zeros: $0.shape) })
    try model.loadWeights(from: path("from-python.safetensors"))
    let predictions = try model.predict(images, verbose: 0).scalars
    let difference = zip(predictions, expected).map { Swift.abs($0 - $1) }.max() ?? .infinity
    #expect(difference <= 1e-5, "largest absolute difference \(difference)")
  }

  @Test(.needsPython) func aKerasFileRezippedWithCompressionStillLoads() throws {
    setRandomSeed(6)
    let model = try SyntheticImages.brightSideModel()
    try model.save(to: path("stored.keras"))
    let result = try Python.run(
      """
      import sys, zipfile
      with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as target:
          for info in source.infolist():
              target.writestr(info.filename, source.read(info.filename))
      """, arguments: [path("stored.keras"), path("deflated.keras")])
    try #require(result.status == 0, "\(result.output)")
    let deflated = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path("deflated.keras"))))
    #expect(
      try ZipArchive.decode(deflated).members.map(\.name) == ["metadata.json", "config.json", "model.weights.h5"])
    #expect(try Model.load(from: path("deflated.keras")).weights == model.weights)
  }

  @Test(.needsKeras) func h5pyReadsAGroupSpreadOverSeveralTreeNodes() throws {
    var root = HDF5Group()
    for index in 0..<300 {
      root.insert(.dataset(HDF5Dataset(shape: [1], values: [Float(index)])), at: ["optimizer", "vars", String(index)])
    }
    try Data(HDF5Writer.encode(root)).write(to: URL(fileURLWithPath: path("many.h5")))
    let listed = try Python.run(
      "import sys, h5py; f = h5py.File(sys.argv[1]); print(len(f['optimizer/vars']), f['optimizer/vars/299'][0])",
      arguments: [path("many.h5")])
    #expect(listed.output == "300 299.0\n", "\(listed.output)")
  }

  @Test(.needsKeras) func aKerasModelWithAnUnsupportedLayerIsRefusedByName() throws {
    let (file, _, _) = try kerasSavedModel("batchnorm")
    let error = #expect(throws: ModelFileError.self) { try Model.load(from: file) }
    #expect(error?.description.contains("BatchNormalization") == true, "\(String(describing: error))")
  }
}

/// Finding and running `python3` with Keras on the JAX backend.
enum Python {
  /// Whether `python3` can run the round trips.
  enum KerasAvailability: Equatable {
    /// `python3` imports Keras (on JAX), h5py and safetensors.
    case usable
    /// There is no `python3` on the `PATH`.
    case noPython
    /// `python3` cannot import them; the error it printed.
    case missing(String)

    /// Why the round trips cannot run, and what to install; empty when they can.
    var problem: String {
      switch self {
      case .usable: return ""
      case .noPython: return "python3 is not installed: install Python 3, then pip install \(Python.packages)"
      case .missing(let error):
        return "python3 cannot import Keras, h5py or safetensors (\(error)): pip install \(Python.packages)"
      }
    }
  }

  /// What the round trips need from PyPI.
  static let packages = "keras jax h5py safetensors"

  /// The `python3` on the `PATH`, if any.
  static let path: String? = {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    return folders.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Whether `CNN_REQUIRE_KERAS=1` (as `.ci/run` sets it) makes a missing Keras a failure.
  static let isRequired = ProcessInfo.processInfo.environment["CNN_REQUIRE_KERAS"] == "1"

  /// Whether `python3` imports what the round trips need, found once by trying.
  static let keras: KerasAvailability = {
    guard path != nil else { return .noPython }
    guard let result = try? run("import keras, h5py, safetensors", arguments: []) else {
      return .missing("python3 did not start")
    }
    if result.status == 0 { return .usable }
    let lastLine = result.output.split(separator: "\n").last.map(String.init) ?? "exit status \(result.status)"
    return .missing(lastLine)
  }()

  /// The repository's top folder.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Runs `script` with `arguments`; returns the exit status and everything printed.
  static func run(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(path))
    process.arguments = ["-c", script] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["KERAS_BACKEND"] = "jax"
    environment["JAX_PLATFORMS"] = "cpu"
    environment["TF_CPP_MIN_LOG_LEVEL"] = "3"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  /// Writes the tensor's values as little-endian float32, as `numpy.fromfile` reads them.
  static func writeFloats(_ tensor: Tensor, to path: String) throws {
    var bytes: [UInt8] = []
    for value in tensor.scalars { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  /// Builds a small Keras model of the kind given, trains it for 4 steps on the given digits,
  /// saves it, and writes its predictions on them.
  static let saveScript = """
    import sys
    try:
        import keras, numpy as np
    except ImportError as error:
        sys.exit(f"Keras is missing ({error}): pip install keras jax h5py safetensors")
    kind, model_path, images_path, predictions_path = sys.argv[1:]
    keras.utils.set_random_seed(1)
    images = np.fromfile(images_path, dtype="<f4").reshape(-1, 28, 28, 1)
    layers = keras.layers
    if kind == "sequential":
        model = keras.Sequential([
            keras.Input((28, 28, 1)), layers.Rescaling(1 / 255), layers.Conv2D(6, 3, activation="relu"),
            layers.MaxPooling2D(2), layers.Conv2D(4, (3, 5), strides=2, padding="same"), layers.Activation("relu"),
            layers.AveragePooling2D(2), layers.Flatten(), layers.Dropout(0.3), layers.Dense(12, activation="relu"),
            layers.Dense(10, activation="softmax")])
        loss = "sparse_categorical_crossentropy"
    elif kind == "functional":
        inputs = keras.Input((28, 28, 1))
        x = layers.Rescaling(1 / 127.5, offset=-1)(inputs)
        x = layers.Conv2D(5, 3, padding="same", activation="relu")(x)
        x = layers.GlobalAveragePooling2D()(x)
        model = keras.Model(inputs, layers.Dense(10)(x), name="keras_functional")
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    else:
        model = keras.Sequential([
            keras.Input((28, 28, 1)), layers.Conv2D(4, 3), layers.BatchNormalization(), layers.Flatten(),
            layers.Dense(10)])
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss=loss)
    model.fit(images, np.arange(len(images)) % 10, batch_size=8, epochs=1, verbose=0)
    model.save(model_path)
    model.predict(images, verbose=0).astype("<f4").tofile(predictions_path)
    """

  /// A Python function giving a Keras model's weights by the names Keras's weights file uses
  /// (`layers/conv2d/vars/0`), as NumPy arrays.
  static let weightsByPath = """
    def weights_by_path(model):
        names, weights = {}, {}
        for layer in model.layers:
            stem = keras.src.utils.naming.to_snake_case(layer.__class__.__name__)
            names[stem] = names.get(stem, -1) + 1
            group = stem if names[stem] == 0 else f"{stem}_{names[stem]}"
            for index, weight in enumerate(layer.weights):
                weights[f"layers/{group}/vars/{index}"] = keras.ops.convert_to_numpy(weight)
        return weights
    """

  /// Checks a safetensors and a `.weights.h5` file against the weights of a `.keras` file: the
  /// first with `safetensors.numpy`, the second with Keras's own `load_weights`.
  static let weightsScript = """
    import sys
    import keras, numpy as np
    from safetensors.numpy import load_file
    model_path, safetensors_path, h5_path = sys.argv[1:]
    \(weightsByPath)
    model = keras.models.load_model(model_path)
    tensors = load_file(safetensors_path)
    expected = weights_by_path(model)
    assert sorted(tensors) == sorted(expected), (sorted(tensors), sorted(expected))
    for key, value in expected.items():
        assert np.array_equal(tensors[key], value), key
    clone = keras.models.clone_model(model)
    clone.load_weights(h5_path)
    for mine, theirs in zip(clone.weights, model.weights):
        assert np.array_equal(np.asarray(mine), np.asarray(theirs)), mine.path
    print(f"{len(expected)} weights match")
    """

  /// Loads a `.keras` file, predicts on the given images and compares with the given predictions.
  static let predictScript = """
    import sys
    try:
        import keras, numpy as np
    except ImportError as error:
        sys.exit(f"Keras is missing ({error}): pip install keras jax h5py safetensors")
    model_path, images_path, shape, expected_path = sys.argv[1:]
    model = keras.models.load_model(model_path)
    images = np.fromfile(images_path, dtype="<f4").reshape([int(n) for n in shape.split(",")])
    expected = np.fromfile(expected_path, dtype="<f4").reshape(-1, model.output_shape[-1])
    got = model.predict(images, verbose=0)
    difference = float(np.max(np.abs(got - expected)))
    print(f"largest absolute difference: {difference:.3g}")
    sys.exit(0 if difference <= 1e-5 else 1)
    """
}

extension Trait where Self == ConditionTrait {
  /// Runs the test where `python3` imports Keras, h5py and safetensors, or where they are
  /// required; otherwise skips it saying what to install.
  static var needsKeras: ConditionTrait {
    .enabled(if: Python.isRequired || Python.keras == .usable, "\(Python.keras.problem)")
  }

  /// Runs the test where there is a `python3` (with or without Keras), or where Keras is
  /// required; otherwise skips it.
  static var needsPython: ConditionTrait {
    .enabled(if: Python.isRequired || Python.path != nil, "\(Python.KerasAvailability.noPython.problem)")
  }
}
