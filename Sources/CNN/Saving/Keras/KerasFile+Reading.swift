// Reading a `.keras` file (the layout is described in KerasFile.swift), from Keras or from this
// library. The archive, the JSON and the HDF5 weights are all read as untrusted.

extension KerasFile {
  /// The first bytes of every ZIP archive, and so of every `.keras` file.
  static let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

  /// The model in the `.keras` file whose bytes are `bytes`, built, with its weights, and
  /// compiled if it was compiled when saved (with its optimizer's state, when the file holds it
  /// for this optimizer).
  static func decode(_ bytes: [UInt8], path: String) throws(ModelFileError) -> Model {
    let archive: ZipArchive
    do {
      archive = try ZipArchive.decode(bytes)
    } catch {
      throw .damagedSharedFile(path: path, part: "ZIP archive", detail: error.detail)
    }
    guard let configBytes = archive[configName] else {
      throw .damagedSharedFile(
        path: path, part: "ZIP archive", detail: "has no \(configName), so it holds no Keras model")
    }
    guard let weightsBytes = archive[weightsName] else {
      throw .damagedSharedFile(
        path: path, part: "ZIP archive",
        detail: "has no \(weightsName) (a model saved with Keras's .npz weights cannot be read here)")
    }
    let json: JSONValue
    do {
      json = try JSONValue.parse(configBytes)
    } catch {
      throw .damagedSharedFile(path: path, part: configName, detail: "is not valid JSON: \(error)")
    }
    guard let config = json.objectValue else {
      throw .damagedSharedFile(path: path, part: configName, detail: "is not a JSON object")
    }
    let weights: HDF5Group
    do {
      weights = try HDF5Reader.decode(weightsBytes)
    } catch {
      throw .damagedSharedFile(path: path, part: weightsName, detail: error.detail)
    }
    // The layers may create no more weights than the file holds values for them.
    let savedValues = weights[path: "layers"].map(valueCount) ?? 0
    let model = try Model.make(fromKerasConfig: config, path: path, savedValues: savedValues)
    try assignWeights(weights, to: model, path: path)
    restoreOptimizerState(of: model, from: (try? datasets(under: "optimizer/vars", in: weights, path: path)) ?? [])
    return model
  }

  /// Gives every layer of `model` its weights from `weights` (`layers/<group>/vars/<i>`), each
  /// checked for its shape, and every layer exactly as many as it has.
  static func assignWeights(_ weights: HDF5Group, to model: Model, path: String) throws(ModelFileError) {
    let layers = savedLayers(of: model)
    let names = groupNames(of: layers)
    if case .group(let saved) = weights[path: "layers"] {
      let unknown = saved.children.keys.filter { !names.contains($0) }.sorted()
      guard unknown.isEmpty else {
        throw .invalidModel(
          path: path,
          detail: "it holds weights for layers this model does not have (\(unknown.joined(separator: ", "))); "
            + "the model has \(names.joined(separator: ", "))")
      }
    }
    for (layer, name) in zip(layers, names) {
      let saved = try datasets(under: "layers/\(name)/vars", in: weights, path: path)
      guard saved.count == layer.variables.count else {
        throw .invalidModel(
          path: path,
          detail:
            "layer \"\(layer.name)\" has \(layer.variables.count) weights, but the file holds \(saved.count) for it")
      }
      for (index, (variable, dataset)) in zip(layer.variables, saved).enumerated() {
        guard dataset.shape == variable.shape else {
          throw .weightShapeMismatch(
            path: path, name: "layers/\(name)/vars/\(index)", expected: variable.shape, found: dataset.shape)
        }
        variable.value = Tensor(shape: dataset.shape, scalars: dataset.values)
      }
    }
  }

  /// The number of values in the datasets at and below `node`.
  private static func valueCount(_ node: HDF5Node) -> Int {
    switch node {
    case .dataset(let dataset): dataset.values.count
    case .group(let group): group.children.values.reduce(0) { $0 + valueCount($1) }
    }
  }

  /// The datasets `0`, `1`, … of the group at `path` in the weights, in order; none if the group
  /// is missing.
  private static func datasets(under group: String, in weights: HDF5Group, path: String) throws(ModelFileError)
    -> [HDF5Dataset]
  {
    guard case .group(let vars) = weights[path: group] else { return [] }
    return try (0..<vars.children.count).map { index throws(ModelFileError) in
      guard case .dataset(let dataset) = vars.children[String(index)] else {
        throw .missingWeights(path: path, name: "\(group)/\(index)")
      }
      return dataset
    }
  }

  /// Gives the model's optimizer the saved step count and slots when the file holds them for an
  /// optimizer of this kind and these variables (step count, learning rate, then the slots in
  /// Keras's order); otherwise the optimizer starts afresh, as Keras does with a warning.
  private static func restoreOptimizerState(of model: Model, from saved: [HDF5Dataset]) {
    guard let optimizer = model.optimizer, saved.count >= 2 else { return }
    let variables = model.trainableVariables
    let slotsPerVariable = optimizer.slotsPerVariable
    guard saved.count == 2 + slotsPerVariable * variables.count, saved[0].values.count == 1 else { return }
    var slots: [[Tensor]] = []
    for (index, variable) in variables.enumerated() {
      let own = (0..<slotsPerVariable).map { kind in
        saved[2 + kerasSlotIndex(kind: kind, variable: index, variableCount: variables.count, of: optimizer)]
      }
      guard own.allSatisfy({ $0.shape == variable.shape }) else { return }
      slots.append(own.map { Tensor(shape: $0.shape, scalars: $0.values) })
    }
    optimizer.slots = slots
    optimizer.iterations = Int(saved[0].values[0])
  }
}
