import Foundation
import ZlibCodecs

// A model file keeps a whole saved model in one binary file: a JSON header, then the values of
// every named tensor, then a checksum. All numbers are little-endian.
//
//   bytes 0..<8     the signature 89 43 4E 4E 4D 4F 44 0A: the byte 0x89, "CNNMOD" and a line
//                   feed. The first byte is not ASCII and the last is a line feed, so a transfer
//                   that treats the file as text (dropping the high bit, or turning the line feed
//                   into CR LF) changes the signature, and the damage shows at once.
//   bytes 8..<12    the format version, a UInt32; this code writes and reads version 1.
//   bytes 12..<20   H, the length of the header in bytes, a UInt64.
//   next H bytes    the header: a JSON object, encoded in UTF-8, with four keys in this order:
//                     "format": "cnn-lesson model"
//                     "version": 1
//                     "content": whatever the caller stores (the model's architecture and
//                                optimizer settings); this file format does not look inside it
//                     "tensors": one {"name", "shape", "offset", "count"} object per tensor, in
//                                the order their values follow; "offset" and "count" count
//                                Float32 values from the start of the tensor data
//   then            the tensor data: the Float32 values of each tensor in row-major order, the
//                   tensors one after another in the order of "tensors", with nothing between.
//   last 4 bytes    the CRC-32 (as in zlib) of every byte before it, a UInt32.
//
// The reader in ModelFile+Reading.swift takes every file as possibly damaged or hostile.

/// What a model file holds: a JSON value for the caller, and named tensors.
struct ModelFileContents: Equatable {
  /// The caller's JSON (the model's architecture and optimizer settings); stored as it is.
  var content: JSONValue
  /// The tensors, in the order they are stored; each name appears once.
  var tensors: [(name: String, tensor: Tensor)]

  /// Two contents are equal when their JSON values are equal and they hold equally named, equal
  /// tensors in the same order (values compare as `Float` does, so NaN differs from itself).
  static func == (lhs: ModelFileContents, rhs: ModelFileContents) -> Bool {
    lhs.content == rhs.content
      && lhs.tensors.elementsEqual(rhs.tensors) { $0.name == $1.name && $0.tensor == $1.tensor }
  }
}

/// Writes and reads model files: the binary container described at the top of this file.
package enum ModelFile {
  /// The first eight bytes of every model file.
  static let signature: [UInt8] = [0x89, 0x43, 0x4E, 0x4E, 0x4D, 0x4F, 0x44, 0x0A]
  /// The format version this code writes and reads.
  static let version: UInt32 = 1
  /// The value of the header's `"format"` key.
  static let formatName = "cnn-lesson model"
  /// The number of bytes before the header: signature, version and header length.
  static let prefixByteCount = 20
  /// The number of bytes of the checksum at the end.
  static let checksumByteCount = 4
  /// The size of the smallest possible file: one with an empty header and no data.
  static let minimumByteCount = prefixByteCount + checksumByteCount
  /// The largest file `read(from:byteLimit:)` accepts unless told otherwise: 2 GiB.
  static let defaultByteLimit = 1 << 31

  /// The bytes of a model file holding `contents`.
  ///
  /// - Precondition: no two tensors have the same name.
  static func encode(_ contents: ModelFileContents) -> [UInt8] {
    var names = Set<String>()
    var entries: [JSONValue] = []
    var offset = 0
    for (name, tensor) in contents.tensors {
      precondition(names.insert(name).inserted, "Two tensors are named \"\(name)\"")
      let count = tensor.scalars.count
      entries.append(
        [
          "name": .string(name), "shape": .array(tensor.shape.map { .integer($0) }),
          "offset": .integer(offset), "count": .integer(count),
        ])
      offset += count
    }
    let header: JSONValue = [
      "format": .string(formatName), "version": .integer(Int(version)),
      "content": contents.content, "tensors": .array(entries),
    ]
    let headerBytes = Array(header.serialized().utf8)

    var file = LittleEndianWriter(reservingCapacity: minimumByteCount + headerBytes.count + 4 * offset)
    file.append(contentsOf: signature)
    file.append(version)
    file.append(UInt64(headerBytes.count))
    file.append(contentsOf: headerBytes)
    for (_, tensor) in contents.tensors {
      for value in tensor.scalars { file.append(value.bitPattern) }
    }
    file.append(CRC32.checksum(file.bytes))
    return file.bytes
  }

  /// Saves `contents` as a model file at `path`, replacing any file there.
  ///
  /// The bytes go to a new temporary file in the same folder, which is flushed to disk and then
  /// renamed over `path` in one step: if the program or the machine stops part-way, `path` holds
  /// either the old file or the new one, never a mixture.
  static func write(_ contents: ModelFileContents, to path: String) throws(ModelFileError) {
    try write(bytes: encode(contents), to: path)
  }

  /// Saves `bytes` at `path` the way `write(_:to:)` does: all of them or, if anything fails,
  /// none, leaving any earlier file at `path` as it was. Partial files that killed saves left
  /// beside `path` are removed first.
  package static func write(bytes: [UInt8], to path: String) throws(ModelFileError) {
    PartialFile.removeLeftovers(besides: path)
    let temporaryPath = PartialFile.path(savingTo: path)

    let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o666)
    guard descriptor >= 0 else {
      throw .cannotWrite(path: path, reason: .fromErrorNumber(errno, writing: true))
    }
    var failure = writeAll(bytes, to: descriptor)
    if failure == nil, fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == nil { failure = errno }
    if failure == nil, rename(temporaryPath, path) != 0 { failure = errno }
    if let failure {
      unlink(temporaryPath)
      throw .cannotWrite(path: path, reason: .fromErrorNumber(failure, writing: true))
    }
  }

  /// Writes every byte of `bytes` to the open file `descriptor`, and returns the error number if
  /// that fails.
  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { buffer in
        Foundation.write(descriptor, buffer.baseAddress, buffer.count)
      }
      if result < 0 {
        if errno == EINTR { continue }
        return errno
      }
      written += result
    }
    return nil
  }

  /// Loads the model file at `path`.
  ///
  /// The file is checked before it is read: it must exist, be a regular file that the program
  /// may read, and be no longer than `byteLimit` bytes.
  static func read(
    from path: String, byteLimit: Int = defaultByteLimit
  ) throws(ModelFileError) -> ModelFileContents {
    try decode(readBytes(from: path, byteLimit: byteLimit), path: path)
  }

  /// Every byte of the regular file at `path`, once its size is known to be within `byteLimit`.
  package static func readBytes(from path: String, byteLimit: Int) throws(ModelFileError) -> [UInt8] {
    // O_NONBLOCK keeps `open` from waiting for a writer when the path names a pipe; it changes
    // nothing for a regular file.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK)
    guard descriptor >= 0 else {
      throw .cannotRead(path: path, reason: .fromErrorNumber(errno, writing: false))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .cannotRead(path: path, reason: .fromErrorNumber(errno, writing: false))
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .cannotRead(path: path, reason: .isAFolder)
    default: throw .cannotRead(path: path, reason: .notARegularFile)
    }
    let size = Int(clamping: status.st_size)
    guard size <= byteLimit else {
      throw .tooLarge(path: path, byteCount: size, limit: byteLimit)
    }
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    while filled < size {
      let result = bytes.withUnsafeMutableBytes { buffer in
        Foundation.read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw .cannotRead(path: path, reason: .fromErrorNumber(errno, writing: false))
      }
      // Reading nothing means the file got shorter since `fstat`; decoding reports it as cut off.
      if result == 0 { break }
      filled += result
    }
    bytes.removeLast(size - filled)
    return bytes
  }
}
