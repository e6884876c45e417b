import Foundation

// Saving a whole model to one file and loading it back: the architecture (Keras-shaped config),
// the weights, and the optimizer's state, so a loaded model predicts exactly as the saved one and
// can carry on training where it stopped.
//
// Layout inside the container (see ModelFile.swift):
//   content  {"model": <kerasConfig>, "optimizer_iterations": n}
//   tensors  "<layer>/<variable>" for every weight, in layer order, then
//            "optimizer/<layer>/<variable>/<slot>" for every optimizer slot (Adam's m and v…)

extension Model {
  /// Saves the model's architecture, weights and (once trained) optimizer state to one file.
  /// A path ending in `.keras` gets a Keras 3 file, which `keras.models.load_model` opens.
  ///
  ///     try model.save(to: "cifar_model_intro.cnnmodel")
  ///     try model.save(to: "for_a_colleague.keras")
  ///
  /// A missing folder in `path` is created. The file is written to a temporary name first and
  /// then renamed, so an interrupted save never leaves a broken file in place of a good one.
  ///
  /// - Throws: `ModelError.notBuilt` before the model knows its input shape, or `ModelFileError`
  ///   when the file cannot be written.
  public func save(to path: String) throws {
    guard isBuilt else { throw ModelError.notBuilt(model: name, action: "be saved") }
    if path.hasSuffix(".keras") {
      Model.createFolder(of: path)
      try ModelFile.write(bytes: KerasFile.encode(self), to: path)
      return
    }
    var tensors: [(name: String, tensor: Tensor)] = []
    for layer in computingLayers {
      for variable in layer.variables {
        tensors.append(("\(layer.name)/\(variable.name)", variable.value))
      }
    }
    if let optimizer, optimizer.isBuilt {
      let owners = trainableOwners
      for (index, slots) in optimizer.slots.enumerated() where index < owners.count {
        for (slotIndex, slot) in slots.enumerated() {
          tensors.append(("optimizer/\(owners[index])/\(slotIndex)", slot))
        }
      }
    }
    let content: JSONValue = [
      "model": .object(kerasConfig),
      "optimizer_iterations": .integer(optimizer?.iterations ?? 0),
    ]
    Model.createFolder(of: path)
    try ModelFile.write(ModelFileContents(content: content, tensors: tensors), to: path)
  }

  /// Loads a model saved with `save(to:)`, or a `.keras` file saved by Keras: built, with its
  /// weights, and compiled with its optimizer's state if it was compiled when saved.
  ///
  ///     let model = try Model.load(from: "cifar_model_intro.cnnmodel")
  ///     let shared = try Model.load(from: "from_a_colleague.keras")
  ///
  /// The file is treated as untrusted: every size, offset, shape and name is checked before use.
  ///
  /// - Throws: `ModelFileError` saying what is wrong with the file and what to do.
  public static func load(from path: String) throws -> Model {
    let bytes = try ModelFile.readBytes(from: path, byteLimit: ModelFile.defaultByteLimit)
    if bytes.starts(with: KerasFile.signature) { return try KerasFile.decode(bytes, path: path) }
    let contents = try ModelFile.decode(bytes, path: path)
    guard let config = contents.content["model"]?.objectValue else {
      throw ModelFileError.invalidModel(path: path, detail: "it holds no model configuration")
    }
    let savedValues = contents.tensors.reduce(0) { $0 + $1.tensor.scalarCount }
    let model = try Model.make(fromKerasConfig: config, path: path, savedValues: savedValues)
    let tensors = Dictionary(contents.tensors.map { ($0.name, $0.tensor) }, uniquingKeysWith: { first, _ in first })
    for layer in model.computingLayers {
      for variable in layer.variables {
        variable.value = try tensor(
          named: "\(layer.name)/\(variable.name)", shape: variable.shape, in: tensors, path: path)
      }
    }
    try model.restoreOptimizerState(
      from: tensors, iterations: contents.content["optimizer_iterations"]?.intValue, path: path)
    return model
  }

  /// Creates the folder `path` is in, if missing. If that fails, writing the file fails too,
  /// with the reason.
  static func createFolder(of path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
  }

  /// `make(fromKerasConfig:)` for the file at `path`, which holds `savedValues` weight values:
  /// the model may create no more parameters than that and `parameterSlack` (see
  /// `ParameterAllowance`), so a small hostile config cannot make loading allocate gigabytes;
  /// problems are told as the file's.
  static func make(fromKerasConfig config: JSONObject, path: String, savedValues: Int) throws(ModelFileError) -> Model {
    let allowance = ParameterAllowance(savedValues + parameterSlack)
    let built = ParameterAllowance.$current.withValue(allowance) {
      Result { () throws(ConfigProblem) in try Model.make(fromKerasConfig: config) }
    }
    switch built {
    case .success(let model):
      return model
    case .failure(let problem):
      if let className = problem.unsupportedClass {
        throw .unsupported(path: path, className: className, detail: problem.detail)
      }
      throw .invalidModel(path: path, detail: problem.detail)
    }
  }

  /// Parameters a loaded model may have beyond the values its file holds (4 MB of floats): a file
  /// that misses a few weights is then built, and its message names the weight that is missing.
  static let parameterSlack = 1 << 20

  /// `conv2d/kernel` for each trainable variable, in the optimizer's order.
  private var trainableOwners: [String] {
    computingLayers.flatMap { layer in layer.variables.filter(\.isTrainable).map { "\(layer.name)/\($0.name)" } }
  }

  private func restoreOptimizerState(from tensors: [String: Tensor], iterations: Int?, path: String) throws {
    guard let optimizer, let iterations, iterations > 0 else { return }
    let variables = trainableVariables
    var slots: [[Tensor]] = []
    for (owner, variable) in zip(trainableOwners, variables) {
      var variableSlots: [Tensor] = []
      for slotIndex in 0..<optimizer.slotsPerVariable {
        variableSlots.append(
          try Model.tensor(named: "optimizer/\(owner)/\(slotIndex)", shape: variable.shape, in: tensors, path: path))
      }
      slots.append(variableSlots)
    }
    optimizer.slots = slots
    optimizer.iterations = iterations
  }

  private static func tensor(named name: String, shape: [Int], in tensors: [String: Tensor], path: String) throws
    -> Tensor
  {
    guard let tensor = tensors[name] else { throw ModelFileError.missingWeights(path: path, name: name) }
    guard tensor.shape == shape else {
      throw ModelFileError.weightShapeMismatch(path: path, name: name, expected: shape, found: tensor.shape)
    }
    return tensor
  }
}
