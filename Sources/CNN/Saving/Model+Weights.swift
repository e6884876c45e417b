import Foundation

// Weights alone, as Keras's `save_weights` / `load_weights` keep them: for a colleague who builds
// the same architecture in their own code. Two formats, chosen by the file's name:
//   name.weights.h5     Keras's own weights file (the `model.weights.h5` of a `.keras` file)
//   name.safetensors    safetensors, which `safetensors.numpy.load_file` reads in Python
// Both name each weight as Keras does: `layers/conv2d/vars/0` (the kernel), `…/vars/1` (the bias).

extension Model {
  /// Saves the weights alone to `path`, ending in `.weights.h5` (Keras's format) or `.safetensors`.
  ///
  ///     try model.saveWeights(to: "digits.safetensors")
  ///
  /// - Throws: `ModelError` for another ending or an unbuilt model; `ModelFileError` when the
  ///   file cannot be written.
  public func saveWeights(to path: String) throws {
    guard isBuilt else { throw ModelError.notBuilt(model: name, action: "have its weights saved") }
    let format = try Model.weightsFormat(of: path)
    var tree = KerasFile.weights(of: self)
    tree.children["optimizer"] = nil
    let bytes: [UInt8]
    switch format {
    case .hdf5: bytes = HDF5Writer.encode(tree)
    case .safeTensors: bytes = SafeTensors.encode(Model.tensors(in: tree), metadata: ["format": "keras"])
    }
    Model.createFolder(of: path)
    try ModelFile.write(bytes: bytes, to: path)
  }

  /// Loads weights saved by `saveWeights(to:)` or by Keras's `save_weights` into this model, which
  /// must have the same layers.
  ///
  ///     try model.loadWeights(from: "digits.weights.h5")
  ///
  /// - Throws: `ModelFileError` naming the weight that is missing or has another shape, or what is
  ///   wrong with the file.
  public func loadWeights(from path: String) throws {
    guard isBuilt else { throw ModelError.notBuilt(model: name, action: "load weights") }
    let format = try Model.weightsFormat(of: path)
    let bytes = try ModelFile.readBytes(from: path, byteLimit: ModelFile.defaultByteLimit)
    var tree = HDF5Group()
    do {
      switch format {
      case .hdf5: tree = try HDF5Reader.decode(bytes)
      case .safeTensors:
        for (name, tensor) in try SafeTensors.decode(bytes) {
          tree.insert(
            .dataset(HDF5Dataset(shape: tensor.shape, values: tensor.scalars)),
            at: name.split(separator: "/").map(String.init))
        }
      }
    } catch {
      throw ModelFileError.damagedSharedFile(
        path: path, part: format == .hdf5 ? "HDF5 data" : "safetensors data", detail: error.detail)
    }
    try KerasFile.assignWeights(tree, to: self, path: path)
  }

  private enum WeightsFormat { case hdf5, safeTensors }

  private static func weightsFormat(of path: String) throws -> WeightsFormat {
    if path.hasSuffix(".h5") { return .hdf5 }
    if path.hasSuffix(".safetensors") { return .safeTensors }
    throw ModelError.invalidArgument(
      argument: "path", value: path, requirement: "a name ending in .weights.h5 (Keras's weights file) or .safetensors")
  }

  /// The datasets of `tree`, named by their paths, depth first in name order.
  private static func tensors(in tree: HDF5Group, prefix: String = "") -> [(name: String, tensor: Tensor)] {
    tree.children.sorted { $0.key < $1.key }.flatMap { name, node -> [(name: String, tensor: Tensor)] in
      switch node {
      case .group(let group): tensors(in: group, prefix: "\(prefix)\(name)/")
      case .dataset(let dataset): [("\(prefix)\(name)", Tensor(shape: dataset.shape, scalars: dataset.values))]
      }
    }
  }
}
