import Foundation

// A Keras 3 `.keras` file: a ZIP archive of stored members
//   metadata.json      {"keras_version": …, "date_saved": "YYYY-MM-DD@HH:MM:SS"}
//   config.json        the model's architecture and compile settings (`Model.kerasConfig`)
//   model.weights.h5   the weights, in HDF5:
//                        layers/<layer>/vars/0, 1, …   each layer's variables (kernel, then bias)
//                        optimizer/vars/0              the optimizer's step count (int32)
//                        optimizer/vars/1              its learning rate
//                        optimizer/vars/2, …           its slots, in Keras's order (KerasFile+OptimizerSlots)
//                        vars                          the model's own variables (none)
// A layer's group is named, as Keras names it, after its class in snake_case, numbered from the
// second of a kind on (`conv2d`, `conv2d_1`), in the order of the model's layers; a layer without
// variables has an empty `vars` group.

/// Writes and reads Keras 3 `.keras` files.
enum KerasFile {
  /// The Keras version written in `metadata.json`: the release whose files these match.
  static let kerasVersion = "3.15.1"

  static let configName = "config.json"
  static let metadataName = "metadata.json"
  static let weightsName = "model.weights.h5"

  /// The members a `.keras` file may hold, each with the most bytes it may hold once inflated.
  /// Keras 3.15.1 writes these three and nothing else for the layers this library has: its
  /// `assets/` members come only from layers with `save_assets` (the text lookup and
  /// vectorisation layers), and an empty folder writes nothing. Any other member,
  /// or one declaring more, is refused before anything is unpacked, so that a small file cannot
  /// make loading inflate gigabytes:
  /// - metadata.json, 64 KiB: Keras writes about 70 bytes (its version and the date).
  /// - config.json, `JSONValue.defaultMaxByteCount` (64 MiB): the parser refuses more anyway;
  ///   Keras writes about 600 bytes per layer.
  /// - model.weights.h5, `ModelFile.defaultByteLimit` (2 GiB): the largest model file read at
  ///   all, so compression never lets a file ask for more memory than storing could.
  static let memberLimits = [
    metadataName: 64 * 1024, configName: JSONValue.defaultMaxByteCount, weightsName: ModelFile.defaultByteLimit,
  ]

  /// The bytes of a `.keras` file holding `model`, saved at `date`.
  static func encode(_ model: Model, date: Date = Date()) -> [UInt8] {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd@HH:mm:ss"
    let metadata: JSONValue = [
      "keras_version": .string(kerasVersion), "date_saved": .string(formatter.string(from: date)),
    ]
    let archive = ZipArchive(members: [
      .init(name: metadataName, bytes: Array(metadata.serialized().utf8)),
      .init(name: configName, bytes: Array(JSONValue.object(model.kerasConfig).serialized().utf8)),
      .init(name: weightsName, bytes: HDF5Writer.encode(weights(of: model))),
    ])
    return archive.encoded(date: date)
  }

  /// The layers whose state Keras keeps under `layers/`: a functional model's include its input.
  static func savedLayers(of model: Model) -> [Layer] {
    model.className == "Sequential" ? model.computingLayers : model.layers
  }

  /// Each saved layer's group name, in layer order: `conv2d`, `conv2d_1`, `dense`, ….
  static func groupNames(of layers: [Layer]) -> [String] {
    var used: [String: Int] = [:]
    return layers.map { layer in
      let stem = LayerNaming.snakeCase(layer is Input ? "InputLayer" : layer.className)
      let count = used[stem, default: 0]
      used[stem] = count + 1
      return count == 0 ? stem : "\(stem)_\(count)"
    }
  }

  /// The weights file's tree.
  static func weights(of model: Model) -> HDF5Group {
    var root = HDF5Group()
    let layers = savedLayers(of: model)
    for (layer, name) in zip(layers, groupNames(of: layers)) {
      root.insert(.group(HDF5Group()), at: ["layers", name, "vars"])
      for (index, variable) in layer.variables.enumerated() {
        root.insert(.dataset(dataset(variable.value)), at: ["layers", name, "vars", String(index)])
      }
    }
    root.insert(.group(HDF5Group()), at: ["vars"])
    if let optimizer = model.optimizer, optimizer.isBuilt {
      var values: [HDF5Dataset] = [
        HDF5Dataset(
          shape: [], values: [Float(optimizer.iterations)], elementType: .integer(byteCount: 4, isSigned: true)),
        HDF5Dataset(shape: [], values: [optimizer.learningRate]),
      ]
      values += kerasOrderedSlots(of: optimizer).map(dataset)
      root.insert(.group(HDF5Group()), at: ["optimizer", "vars"])
      for (index, value) in values.enumerated() {
        root.insert(.dataset(value), at: ["optimizer", "vars", String(index)])
      }
    }
    return root
  }

  private static func dataset(_ tensor: Tensor) -> HDF5Dataset {
    HDF5Dataset(shape: tensor.shape, values: tensor.scalars)
  }
}
