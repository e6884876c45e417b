// Reads the groups and datasets of an untrusted HDF5 file, in the layout h5py writes by default
// (and HDF5Writer.swift writes): a version 0 or 1 superblock, version 1 object headers (with
// continuation blocks), groups as symbol tables (a version 1 B-tree of any depth over symbol
// nodes, names in a local heap), and datasets of little-endian floats or integers stored
// contiguously or compactly. Attributes and other messages are skipped. Anything else (newer
// superblocks and object headers, chunked or filtered data) is refused with a message naming it.
//
// Every address and size is checked against the file before it is used; every object is visited
// at most once, so a loop in the structure is an error, not a hang; counts are bounded by what
// the file's bytes can hold, so a hostile file cannot make the reader allocate more than it is.

/// Reads HDF5 files into `HDF5Group` trees.
struct HDF5Reader {
  private let file: LittleEndianReader
  /// Object headers and B-tree nodes already read: a second visit means a loop.
  private var visited = Set<Int>()
  /// Symbol node capacity (2·K for the file's group leaf K).
  private var symbolsPerNode = 8

  /// Groups nest at most this deep.
  static let maximumDepth = 64
  /// Continuation blocks per object header, at most.
  static let maximumContinuations = 64

  private init(_ bytes: [UInt8]) {
    file = LittleEndianReader(bytes: bytes)
  }

  /// The tree of groups and datasets in `bytes`.
  static func decode(_ bytes: [UInt8]) throws(FormatProblem) -> HDF5Group {
    var reader = HDF5Reader(bytes)
    return try FormatProblem.reading {
      let root = try reader.readSuperblock()
      guard case .group(let group) = try reader.readObject(at: root, depth: 0) else {
        throw FormatProblem("has a dataset where its root group should be")
      }
      return group
    }
  }

  // MARK: - Superblock

  /// Finds the superblock (at byte 0, 512, 1024, 2048, …) and returns the root group's object
  /// header address.
  private mutating func readSuperblock() throws -> Int {
    var start = 0
    while try file.slice(at: start, count: 8) != HDF5Writer.signature[...] {
      start = start == 0 ? 512 : start * 2
      guard start + 8 <= file.count else { throw FormatProblem("is not an HDF5 file: it has no HDF5 signature") }
    }
    let version = try file.uint8(at: start + 8)
    guard version <= 1 else {
      throw FormatProblem(
        "uses HDF5 superblock version \(version), which this reader does not support (h5py writes version 0 by default)"
      )
    }
    guard try file.uint8(at: start + 13) == 8, try file.uint8(at: start + 14) == 8 else {
      throw FormatProblem("uses addresses or lengths other than 8 bytes long")
    }
    let leafK = Int(try file.uint16(at: start + 16))
    guard (1...1024).contains(leafK) else { throw FormatProblem("declares a group leaf size of \(leafK)") }
    symbolsPerNode = 2 * leafK
    // Version 1 adds 4 bytes (indexed storage K and reserved) before the addresses.
    let addresses = start + 24 + (version == 1 ? 4 : 0)
    // Root group symbol table entry, after base, free-space, end-of-file and driver addresses.
    let entry = addresses + 32
    return try address(at: entry + 8, "the root group")
  }

  /// The address stored at `offset`, checked to lie inside the file.
  private func address(at offset: Int, _ what: String) throws -> Int {
    let value = try file.uint64(at: offset)
    guard value < UInt64(file.count) else {
      throw FormatProblem("says \(what) is at byte \(value), past its end (\(file.count) bytes)")
    }
    return Int(value)
  }

  // MARK: - Object headers

  /// The messages of an object header: type and where its body is.
  private struct Message {
    var type: UInt16
    var body: Int
    var size: Int
  }

  /// Reads the object whose header is at `address`: a group (with all it holds) or a dataset.
  private mutating func readObject(at address: Int, depth: Int) throws -> HDF5Node {
    guard depth <= HDF5Reader.maximumDepth else {
      throw FormatProblem("nests groups more than \(HDF5Reader.maximumDepth) deep")
    }
    let messages = try readMessages(at: address)
    if let symbolTable = messages.first(where: { $0.type == 0x0011 }) {
      return .group(
        try readGroup(
          btree: try self.address(at: symbolTable.body, "a group's B-tree"),
          heap: try self.address(at: symbolTable.body + 8, "a group's name heap"), depth: depth))
    }
    if messages.contains(where: { $0.type == 0x0006 || $0.type == 0x0002 }) {
      throw FormatProblem(
        "stores a group with link messages (HDF5 1.8 compact groups), which this reader does not support")
    }
    return .dataset(try readDataset(messages))
  }

  /// The messages of the version 1 object header at `address`, following continuation blocks.
  private mutating func readMessages(at address: Int) throws -> [Message] {
    guard visited.insert(address).inserted else {
      throw FormatProblem("links back to an object it already holds (a loop) at byte \(address)")
    }
    if try file.slice(at: address, count: 4) == Array("OHDR".utf8)[...] {
      throw FormatProblem(
        "uses version 2 object headers (h5py's libver=\"latest\"), which this reader does not support")
    }
    let version = try file.uint8(at: address)
    guard version == 1 else { throw FormatProblem("has an object header of version \(version) at byte \(address)") }
    let declaredCount = Int(try file.uint16(at: address + 2))
    var blocks = [(start: address + 16, size: Int(try file.uint32(at: address + 8)))]
    var messages: [Message] = []
    var blockIndex = 0
    while blockIndex < blocks.count {
      let (start, size) = blocks[blockIndex]
      try file.check(start, size)
      var offset = start
      while offset + 8 <= start + size {
        let type = try file.uint16(at: offset)
        let bodySize = Int(try file.uint16(at: offset + 2))
        guard offset + 8 + bodySize <= start + size else {
          throw FormatProblem("has an object header message that runs past its block at byte \(offset)")
        }
        if type == 0x0010 {
          guard blocks.count <= HDF5Reader.maximumContinuations else {
            throw FormatProblem("has more than \(HDF5Reader.maximumContinuations) object header continuations")
          }
          let continuation = try self.address(at: offset + 8, "an object header continuation")
          guard visited.insert(continuation).inserted else {
            throw FormatProblem("has an object header continuation that loops back, at byte \(continuation)")
          }
          blocks.append((continuation, Int(try file.uint64(at: offset + 16))))
        } else {
          messages.append(Message(type: type, body: offset + 8, size: bodySize))
        }
        guard messages.count <= declaredCount else {
          throw FormatProblem(
            "has more object header messages than the \(declaredCount) it declares, at byte \(address)")
        }
        offset += 8 + bodySize
      }
      blockIndex += 1
    }
    return messages
  }

  // MARK: - Groups

  /// The children of a group kept as a symbol table.
  private mutating func readGroup(btree: Int, heap: Int, depth: Int) throws -> HDF5Group {
    guard try file.slice(at: heap, count: 4) == Array("HEAP".utf8)[...] else {
      throw FormatProblem("has no name heap at byte \(heap)")
    }
    let namesSize = Int(clamping: try file.uint64(at: heap + 8))
    let names = try address(at: heap + 24, "a group's names")
    try file.check(names, namesSize)
    var group = HDF5Group()
    for entry in try symbolEntries(btree: btree, level: nil) {
      let name = try self.name(at: entry.nameOffset, heap: names, size: namesSize)
      guard group.children[name] == nil else { throw FormatProblem("has a group with two children named \(name)") }
      group.children[name] = try readObject(at: entry.header, depth: depth + 1)
    }
    return group
  }

  /// The symbol table entries under the group B-tree node at `address`, in order. Each level
  /// down is one less than the level above (`level`, nil at the root), so the descent ends.
  private mutating func symbolEntries(btree address: Int, level expected: Int?) throws -> [(
    nameOffset: Int, header: Int
  )] {
    guard visited.insert(address).inserted else {
      throw FormatProblem("has a group B-tree that loops back to byte \(address)")
    }
    guard try file.slice(at: address, count: 4) == Array("TREE".utf8)[...], try file.uint8(at: address + 4) == 0 else {
      throw FormatProblem("has no group B-tree node at byte \(address)")
    }
    let level = Int(try file.uint8(at: address + 5))
    guard level == (expected ?? level), level <= 32 else {
      throw FormatProblem(
        "has a group B-tree node at byte \(address) on level \(level), where level \(expected ?? 32) was expected")
    }
    let count = Int(try file.uint16(at: address + 6))
    // Header 24 bytes, then key, child, key, … (8 bytes each): the children must fit in the file.
    try file.check(address + 24, 16 * count + 8)
    var entries: [(nameOffset: Int, header: Int)] = []
    for index in 0..<count {
      let child = try self.address(at: address + 32 + 16 * index, "a group B-tree child")
      if level > 0 {
        entries += try symbolEntries(btree: child, level: level - 1)
      } else {
        entries += try symbolNode(at: child)
      }
    }
    return entries
  }

  /// The entries of the symbol node at `address`.
  private mutating func symbolNode(at address: Int) throws -> [(nameOffset: Int, header: Int)] {
    guard visited.insert(address).inserted else {
      throw FormatProblem("lists the symbol node at byte \(address) twice")
    }
    guard try file.slice(at: address, count: 4) == Array("SNOD".utf8)[...] else {
      throw FormatProblem("has no symbol node at byte \(address)")
    }
    let count = Int(try file.uint16(at: address + 6))
    guard count <= symbolsPerNode else {
      throw FormatProblem("has a symbol node of \(count) entries, more than the \(symbolsPerNode) it may hold")
    }
    return try (0..<count).map { index in
      let entry = address + 8 + HDF5Writer.entryByteCount * index
      return (Int(clamping: try file.uint64(at: entry)), try self.address(at: entry + 8, "a group member"))
    }
  }

  /// The zero-terminated name at `offset` in a heap's data of `size` bytes at `start`.
  private func name(at offset: Int, heap start: Int, size: Int) throws -> String {
    guard offset < size else { throw FormatProblem("names a group member at heap offset \(offset), past the heap") }
    let bytes = try file.slice(at: start + offset, count: size - offset)
    guard let end = bytes.firstIndex(of: 0), let name = String(validating: bytes[..<end], as: UTF8.self),
      !name.isEmpty, !name.contains("/")
    else {
      throw FormatProblem("has a group member name that is empty, unterminated or not UTF-8")
    }
    return name
  }

  // MARK: - Datasets

  /// A dataset from its header's messages: shape, element type and where the values are.
  private func readDataset(_ messages: [Message]) throws -> HDF5Dataset {
    guard let space = messages.first(where: { $0.type == 0x0001 }),
      let type = messages.first(where: { $0.type == 0x0003 }),
      let layout = messages.first(where: { $0.type == 0x0008 })
    else {
      throw FormatProblem("has an object that is neither a group nor a dataset with a shape, a type and a layout")
    }
    guard !messages.contains(where: { $0.type == 0x000B }) else {
      throw FormatProblem("has a compressed or filtered dataset, which this reader does not support")
    }
    let shape = try readShape(space)
    let elementType = try readElementType(type)
    let elementSize = elementType.byteCount
    // The values must be in the file, so the count is bounded by its size.
    var count = 1
    for size in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: size)
      guard !overflow, product <= file.count else {
        throw FormatProblem("has a dataset of shape \(shape), larger than the file")
      }
      count = product
    }
    let stored = try readLayout(layout, byteCount: count * elementSize)
    guard let data = stored ?? (count == 0 ? 0 : nil) else {
      throw FormatProblem("has a dataset of shape \(shape) whose values were never written")
    }
    var values = [Float]()
    values.reserveCapacity(count)
    for index in 0..<count {
      let bits = try file.unsigned(at: data + index * elementSize, byteCount: elementSize)
      values.append(elementType.float(fromBits: bits))
    }
    return HDF5Dataset(shape: shape, values: values, elementType: elementType)
  }

  /// The dimensions of a dataspace message (version 1 or 2).
  private func readShape(_ message: Message) throws -> [Int] {
    let version = try file.uint8(at: message.body)
    let rank = Int(try file.uint8(at: message.body + 1))
    guard version == 1 || version == 2, rank <= 32 else {
      throw FormatProblem("has a dataspace of version \(version) and rank \(rank)")
    }
    let dimensions = message.body + (version == 1 ? 8 : 4)
    guard dimensions + 8 * rank <= message.body + message.size else {
      throw FormatProblem("has a dataspace message too short for its \(rank) dimensions")
    }
    return try (0..<rank).map { axis in
      let size = try file.uint64(at: dimensions + 8 * axis)
      guard size <= UInt64(file.count) else { throw FormatProblem("has a dataset axis of \(size) values") }
      return Int(size)
    }
  }

  /// The element type of a datatype message: little-endian floats of 4 or 8 bytes, integers of
  /// 1, 2, 4 or 8.
  private func readElementType(_ message: Message) throws -> HDF5Dataset.ElementType {
    let classAndVersion = try file.uint8(at: message.body)
    let flags = try file.uint8(at: message.body + 1)
    let size = Int(try file.uint32(at: message.body + 4))
    guard flags & 1 == 0 else { throw FormatProblem("has a big-endian dataset, which this reader does not support") }
    switch (classAndVersion & 0x0F, size) {
    case (1, 4): return .float32
    case (1, 8): return .float64
    case (0, 1), (0, 2), (0, 4), (0, 8): return .integer(byteCount: size, isSigned: flags & 0x08 != 0)
    default:
      throw FormatProblem(
        "has a dataset of type class \(classAndVersion & 0x0F) and size \(size): only numbers are supported")
    }
  }

  /// Where a dataset's `byteCount` bytes of values start, from its layout message; nil for a
  /// contiguous dataset whose values were never written.
  private func readLayout(_ message: Message, byteCount: Int) throws -> Int? {
    let version = try file.uint8(at: message.body)
    let layoutClass = try file.uint8(at: message.body + 1)
    guard version == 3 || version == 4 else { throw FormatProblem("has a data layout message of version \(version)") }
    switch layoutClass {
    case 0:  // compact: the values are in the message
      let size = Int(try file.uint16(at: message.body + 2))
      guard size >= byteCount, message.body + 4 + size <= message.body + message.size else {
        throw FormatProblem("has a compact dataset shorter than its shape")
      }
      return message.body + 4
    case 1:  // contiguous
      let start = try file.uint64(at: message.body + 2)
      let size = try file.uint64(at: message.body + 10)
      if start == HDF5Writer.undefinedAddress { return nil }
      guard size >= UInt64(byteCount), start <= UInt64(file.count) else {
        throw FormatProblem("has a dataset whose \(byteCount) bytes of values are not where it says")
      }
      try file.check(Int(start), byteCount)
      return Int(start)
    default:
      throw FormatProblem(
        "has a chunked or virtual dataset (layout class \(layoutClass)), which this reader does not support")
    }
  }
}

extension HDF5Dataset.ElementType {
  /// The bytes of one value.
  var byteCount: Int {
    switch self {
    case .float32: 4
    case .float64: 8
    case .integer(let byteCount, _): byteCount
    }
  }

  /// The value whose little-endian bits are `bits`, as a `Float`.
  func float(fromBits bits: UInt64) -> Float {
    switch self {
    case .float32: return Float(bitPattern: UInt32(truncatingIfNeeded: bits))
    case .float64: return Float(Double(bitPattern: bits))
    case .integer(let byteCount, let isSigned):
      guard isSigned else { return Float(bits) }
      let shift = UInt64(64 - 8 * byteCount)
      return Float(Int64(bitPattern: bits << shift) >> Int64(shift))
    }
  }
}
