// The part of HDF5 a Keras weights file (`model.weights.h5`) uses: nested groups, and datasets of
// numbers with a shape. HDF5Writer.swift writes such a tree; HDF5Reader.swift reads one back,
// from our files and from those h5py writes for Keras.

/// A group of an HDF5 file: named children, each a group or a dataset.
struct HDF5Group: Equatable {
  /// The children, by name. Names are unique; the file stores them sorted by their bytes.
  var children: [String: HDF5Node] = [:]

  /// The node at `path` ("layers/conv2d/vars/0"), if there is one.
  subscript(path path: String) -> HDF5Node? {
    var node = HDF5Node.group(self)
    for name in path.split(separator: "/") {
      guard case .group(let group) = node, let child = group.children[String(name)] else { return nil }
      node = child
    }
    return node
  }

  /// Puts `node` at `path`, creating the groups on the way.
  mutating func insert(_ node: HDF5Node, at path: [String]) {
    guard let name = path.first else { return }
    if path.count == 1 {
      children[name] = node
      return
    }
    var child: HDF5Group
    if case .group(let existing) = children[name] { child = existing } else { child = HDF5Group() }
    child.insert(node, at: Array(path.dropFirst()))
    children[name] = .group(child)
  }
}

/// A child of an HDF5 group.
indirect enum HDF5Node: Equatable {
  case group(HDF5Group)
  case dataset(HDF5Dataset)
}

/// An HDF5 dataset: an array of numbers with a shape (empty for a single number).
struct HDF5Dataset: Equatable {
  /// How the file stores each value.
  enum ElementType: Equatable {
    /// A 32-bit float: weights.
    case float32
    /// A 64-bit float.
    case float64
    /// A signed or unsigned integer of `byteCount` bytes: Keras stores an optimizer's step count
    /// as one.
    case integer(byteCount: Int, isSigned: Bool)
  }

  /// The size of each axis.
  var shape: [Int]
  /// The values, in row-major order, as `Float`s.
  var values: [Float]
  /// How the file stores them; the writer writes `float32` and 32-bit signed integers.
  var elementType = ElementType.float32
}
