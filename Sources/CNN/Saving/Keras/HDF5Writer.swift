// Writes an `HDF5Group` tree as an HDF5 file in the oldest layout every HDF5 library reads
// (what libhdf5 itself writes by default): a version 0 superblock, version 1 object headers, and
// groups kept as symbol tables (a version 1 B-tree over symbol nodes, with the names in a local
// heap). Datasets are little-endian 32-bit floats or integers, each in one contiguous block. None
// of these structures carries a checksum. Addresses and lengths are 8 bytes.
//
// Each object is written after its children, so every address it names is already known; the
// superblock, which names the root group, is filled in last at the start of the file.

/// Writes HDF5 files holding groups and float datasets.
enum HDF5Writer {
  /// The eight bytes every HDF5 file starts with.
  static let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]
  /// "No address", all bits set.
  static let undefinedAddress = UInt64.max
  /// Half the entries of a symbol node: a node holds up to 2·K names.
  static let groupLeafK = 4
  /// Half the children of a group B-tree node.
  static let groupInternalK = 16
  /// The size of a version 0 superblock with 8-byte addresses, root entry included.
  static let superblockByteCount = 96
  /// The size of a symbol table entry.
  static let entryByteCount = 40

  /// The bytes of an HDF5 file holding `root`.
  static func encode(_ root: HDF5Group) -> [UInt8] {
    var file = LittleEndianWriter()
    file.appendZeros(superblockByteCount)
    let rootGroup = write(root, into: &file)

    var superblock = LittleEndianWriter()
    superblock.append(contentsOf: signature)
    // Versions of the superblock, free-space storage, root group entry; reserved; version of
    // shared header messages; sizes of addresses and lengths; reserved.
    superblock.append(contentsOf: [0, 0, 0, 0, 0, 8, 8, 0])
    superblock.append(UInt16(groupLeafK))
    superblock.append(UInt16(groupInternalK))
    superblock.append(UInt32(0))  // file consistency flags
    superblock.append(UInt64(0))  // base address
    superblock.append(undefinedAddress)  // free-space information
    superblock.append(UInt64(file.count))  // end of file
    superblock.append(undefinedAddress)  // driver information
    appendEntry(nameOffset: 0, object: rootGroup, to: &superblock)
    for (offset, byte) in superblock.bytes.enumerated() { file.write(byte, at: offset) }
    return file.bytes
  }

  /// Where a written object is, with a group's B-tree and local heap.
  private struct WrittenObject {
    var header: Int
    var group: (btree: Int, heap: Int)?
  }

  /// Writes `group`'s children, its local heap of names, its symbol nodes, its B-tree and its
  /// object header, in that order.
  private static func write(_ group: HDF5Group, into file: inout LittleEndianWriter) -> WrittenObject {
    // Symbol nodes list names sorted by their bytes: readers look them up by binary search.
    let children = group.children.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    let written = children.map { _, node in
      switch node {
      case .group(let child): write(child, into: &file)
      case .dataset(let dataset): WrittenObject(header: write(dataset, into: &file))
      }
    }

    // The local heap: the empty name at offset 0 (the B-tree's first key), then each name with
    // a terminating zero, each padded to 8 bytes.
    var names = LittleEndianWriter()
    names.appendZeros(8)
    var nameOffsets: [Int] = []
    for (name, _) in children {
      nameOffsets.append(names.count)
      names.append(contentsOf: Array(name.utf8) + [0])
      names.pad(toMultipleOf: 8)
    }
    let heap = file.count
    file.append(contentsOf: Array("HEAP".utf8))
    file.append(contentsOf: [0, 0, 0, 0])  // version 0, reserved
    file.append(UInt64(names.count))  // data segment size
    file.append(UInt64(1))  // no free block (libhdf5's "null" offset)
    file.append(UInt64(file.count + 8))  // the data segment follows
    file.append(contentsOf: names.bytes)

    // Symbol nodes of up to 2·K entries each, always written at full size.
    let perNode = 2 * groupLeafK
    var nodes: [(address: Int, lastName: Int)] = []
    for start in stride(from: 0, to: children.count, by: perNode) {
      let members = start..<min(start + perNode, children.count)
      nodes.append((file.count, nameOffsets[members.upperBound - 1]))
      file.append(contentsOf: Array("SNOD".utf8))
      file.append(contentsOf: [1, 0])  // version 1, reserved
      file.append(UInt16(members.count))
      for index in members { appendEntry(nameOffset: nameOffsets[index], object: written[index], to: &file) }
      file.appendZeros((perNode - members.count) * entryByteCount)
    }

    let btree = writeBTree(over: nodes, into: &file)
    let header = file.count
    var message = LittleEndianWriter()
    message.append(UInt64(btree))
    message.append(UInt64(heap))
    appendObjectHeader(messages: [(0x0011, message.bytes)], to: &file)
    return WrittenObject(header: header, group: (btree, heap))
  }

  /// Writes the group B-tree over `nodes` (symbol nodes, each with the heap offset of its last
  /// name): leaf nodes of up to 2·K symbol nodes, then a level of nodes over those, and so on up
  /// to one root, whose address it returns. A node's keys are the names that bound its children:
  /// the last name before the first child (the empty name at the far left), then each child's last.
  private static func writeBTree(over nodes: [(address: Int, lastName: Int)], into file: inout LittleEndianWriter)
    -> Int
  {
    let perNode = 2 * groupInternalK
    var children = nodes
    var level: UInt8 = 0
    repeat {
      var parents: [(address: Int, lastName: Int)] = []
      for start in stride(from: 0, through: max(children.count - 1, 0), by: perNode) {
        let members = children[start..<min(start + perNode, children.count)]
        parents.append((file.count, members.last?.lastName ?? 0))
        file.append(contentsOf: Array("TREE".utf8))
        file.append(contentsOf: [0, level])  // group node, level
        file.append(UInt16(members.count))
        file.append(undefinedAddress)  // left sibling
        file.append(undefinedAddress)  // right sibling
        file.append(UInt64(start == 0 ? 0 : children[start - 1].lastName))
        for child in members {
          file.append(UInt64(child.address))
          file.append(UInt64(child.lastName))
        }
        // Room for 2·K children and 2·K + 1 keys, as readers expect.
        file.appendZeros((perNode - members.count) * 16)
      }
      children = parents
      level += 1
    } while children.count > 1
    return children[0].address
  }

  /// Writes `dataset`'s values, then its object header; returns the header's address.
  private static func write(_ dataset: HDF5Dataset, into file: inout LittleEndianWriter) -> Int {
    precondition(
      [.float32, .integer(byteCount: 4, isSigned: true)].contains(dataset.elementType),
      "The HDF5 writer writes 32-bit floats and integers")
    let isInteger = dataset.elementType != .float32
    let data = file.count
    for value in dataset.values { file.append(isInteger ? UInt32(bitPattern: Int32(value)) : value.bitPattern) }
    file.pad(toMultipleOf: 8)

    var dataspace = LittleEndianWriter()
    dataspace.append(contentsOf: [1, UInt8(dataset.shape.count), 0, 0, 0, 0, 0, 0])  // version 1, rank, no maximum
    for size in dataset.shape { dataspace.append(UInt64(size)) }

    var datatype = LittleEndianWriter()
    if isInteger {
      datatype.append(contentsOf: [0x10, 0x08, 0x00, 0x00])  // version 1, fixed point; little-endian, signed
      datatype.append(UInt32(4))  // bytes per value
      datatype.append(UInt16(0))  // bit offset
      datatype.append(UInt16(32))  // precision
    } else {
      // Version 1, floating point; little-endian, implied leading mantissa bit, sign at bit 31.
      datatype.append(contentsOf: [0x11, 0x20, 0x1F, 0x00])
      datatype.append(UInt32(4))  // bytes per value
      datatype.append(UInt16(0))  // bit offset
      datatype.append(UInt16(32))  // precision
      datatype.append(contentsOf: [23, 8, 0, 23])  // exponent at bit 23, 8 bits; mantissa at 0, 23 bits
      datatype.append(UInt32(127))  // exponent bias
    }

    // Fill value version 2: allocated late, written only if set, none set.
    let fillValue: [UInt8] = [2, 2, 2, 0]

    var layout = LittleEndianWriter()
    layout.append(contentsOf: [3, 1])  // version 3, contiguous
    layout.append(dataset.values.isEmpty ? undefinedAddress : UInt64(data))
    layout.append(UInt64(4 * dataset.values.count))

    let header = file.count
    appendObjectHeader(
      messages: [(0x0001, dataspace.bytes), (0x0003, datatype.bytes), (0x0005, fillValue), (0x0008, layout.bytes)],
      to: &file)
    return header
  }

  /// Appends a version 1 object header holding `messages` (type, body), each body padded to a
  /// multiple of 8 bytes.
  private static func appendObjectHeader(messages: [(type: UInt16, body: [UInt8])], to file: inout LittleEndianWriter) {
    let paddedSizes = messages.map { ($0.body.count + 7) / 8 * 8 }
    file.append(contentsOf: [1, 0])  // version 1, reserved
    file.append(UInt16(messages.count))
    file.append(UInt32(1))  // reference count
    file.append(UInt32(paddedSizes.reduce(0) { $0 + 8 + $1 }))  // bytes of messages
    file.appendZeros(4)  // messages start 8-byte aligned
    for (message, size) in zip(messages, paddedSizes) {
      file.append(message.type)
      file.append(UInt16(size))
      file.appendZeros(4)  // flags, reserved
      file.append(contentsOf: message.body)
      file.appendZeros(size - message.body.count)
    }
  }

  /// Appends a symbol table entry naming `object`: a group's entry caches its B-tree and heap.
  private static func appendEntry(nameOffset: Int, object: WrittenObject, to file: inout LittleEndianWriter) {
    file.append(UInt64(nameOffset))
    file.append(UInt64(object.header))
    file.append(UInt32(object.group == nil ? 0 : 1))  // cache type
    file.append(UInt32(0))  // reserved
    file.append(UInt64(object.group?.btree ?? 0))
    file.append(UInt64(object.group?.heap ?? 0))
  }
}
