import Foundation
import ZlibCodecs

// Reading takes the file as untrusted: it may be cut short, damaged, or made by hand to break the
// reader. Every length, offset and count it holds is checked, with arithmetic that reports
// overflow instead of trapping, before it is used to index or to allocate, so the reader never
// traps and never allocates more than a small multiple of the file's real size.

extension ModelFile {
  /// The longest header the reader parses. A JSON value takes several times more memory than its
  /// text, so this bounds what a hostile header can cost; real headers are far shorter.
  static let maximumHeaderByteCount = JSONValue.defaultMaxByteCount
  /// The deepest nesting of arrays and objects the reader accepts in the header.
  static let maximumHeaderDepth = 64
  /// How many of the first bytes of a file that is not a model file its error shows.
  static let shownByteCount = 16

  /// The contents of the model file `bytes`, which were read from `path` (named in errors).
  static func decode(_ bytes: [UInt8], path: String) throws(ModelFileError) -> ModelFileContents {
    guard !bytes.isEmpty else { throw .empty(path: path) }
    guard signature.starts(with: bytes.prefix(signature.count)) else {
      throw .notAModelFile(path: path, firstBytes: Array(bytes.prefix(shownByteCount)))
    }
    if bytes.count >= 12 {
      let fileVersion = readUInt32(bytes, at: 8)
      guard fileVersion == version else {
        throw .unsupportedVersion(path: path, version: fileVersion)
      }
    }
    guard bytes.count >= minimumByteCount else {
      throw .truncated(path: path, expectedAtLeast: minimumByteCount, actual: bytes.count)
    }
    let checksumOffset = bytes.count - checksumByteCount
    let stored = readUInt32(bytes, at: checksumOffset)
    let computed = CRC32.checksum(bytes[..<checksumOffset])
    let checksumMatches = stored == computed

    // The header length is checked before the checksum, so that a file cut off inside its
    // header is reported as cut off rather than as damaged.
    let headerLength = readUInt64(bytes, at: 12)
    guard let headerEnd = sum(prefixByteCount, Int(exactly: headerLength)),
      let minimumEnd = sum(headerEnd, checksumByteCount)
    else {
      guard checksumMatches else {
        throw .checksumMismatch(path: path, stored: stored, computed: computed)
      }
      throw .malformedHeader(
        path: path, detail: .lengthBeyondFile(headerLength: headerLength, fileSize: bytes.count))
    }
    guard minimumEnd <= bytes.count else {
      guard checksumMatches else {
        throw .truncated(path: path, expectedAtLeast: minimumEnd, actual: bytes.count)
      }
      throw .malformedHeader(
        path: path, detail: .lengthBeyondFile(headerLength: headerLength, fileSize: bytes.count))
    }
    let headerBytes = bytes[prefixByteCount..<headerEnd]
    let dataByteCount = checksumOffset - headerEnd

    guard checksumMatches else {
      // A file cut off inside its tensor data fails the checksum too; if the header is intact
      // and asks for more data than there is, say it was cut off.
      if let header = try? parseHeader(headerBytes),
        let neededEnd = sum(minimumEnd, header.dataByteCount), neededEnd > bytes.count
      {
        throw .truncated(path: path, expectedAtLeast: neededEnd, actual: bytes.count)
      }
      throw .checksumMismatch(path: path, stored: stored, computed: computed)
    }

    let header: Header
    do {
      header = try parseHeader(headerBytes)
    } catch {
      throw .malformedHeader(path: path, detail: error.problem)
    }
    guard dataByteCount >= header.dataByteCount else {
      throw .malformedHeader(
        path: path, detail: .dataTooShort(needed: header.dataByteCount, present: dataByteCount))
    }
    guard dataByteCount == header.dataByteCount else {
      throw .trailingData(path: path, extraBytes: dataByteCount - header.dataByteCount)
    }
    // Every offset and count below was checked against the data's length.
    let tensors = header.entries.map { entry in
      let start = headerEnd + 4 * entry.offset
      let scalars = (0..<entry.count).map {
        Float(bitPattern: readUInt32(bytes, at: start + 4 * $0))
      }
      return (name: entry.name, tensor: Tensor(shape: entry.shape, scalars: scalars))
    }
    return ModelFileContents(content: header.content, tensors: tensors)
  }

  // MARK: The header

  /// A header that has been checked: its content, and a table of tensors that follow one
  /// another from offset 0 with counts that match their shapes.
  private struct Header {
    /// The caller's JSON, stored under `"content"`.
    var content: JSONValue
    /// The tensors' names, shapes, offsets and counts, in the order of their data.
    var entries: [(name: String, shape: [Int], offset: Int, count: Int)] = []
    /// The number of bytes of tensor data the entries need.
    var dataByteCount = 0
  }

  /// The reason a header was rejected, as an error that `parseHeader` can throw.
  private struct Rejection: Error {
    /// What is wrong with the header.
    let problem: ModelFileError.HeaderProblem

    /// Wraps `problem`.
    init(_ problem: ModelFileError.HeaderProblem) { self.problem = problem }
  }

  /// Parses and checks the header's JSON.
  private static func parseHeader(_ bytes: ArraySlice<UInt8>) throws(Rejection) -> Header {
    guard bytes.count <= maximumHeaderByteCount else {
      throw Rejection(.tooLong(byteCount: bytes.count, limit: maximumHeaderByteCount))
    }
    let json: JSONValue
    do {
      json = try JSONValue.parse(
        Array(bytes), maxDepth: maximumHeaderDepth, maxByteCount: bytes.count)
    } catch {
      throw Rejection(.invalidJSON(error))
    }
    guard case .object(let object) = json else { throw Rejection(.notAnObject(entry: nil)) }
    try checkKeys(of: object, are: ["format", "version", "content", "tensors"], entry: nil)
    let format = try string("format", in: object, entry: nil)
    guard format == formatName else { throw Rejection(.wrongFormat(format)) }
    let headerVersion = try integer("version", in: object, entry: nil)
    guard headerVersion == Int(version) else {
      throw Rejection(.versionMismatch(header: headerVersion, file: version))
    }
    var header = Header(content: try value("content", in: object, entry: nil))
    guard case .array(let items) = try value("tensors", in: object, entry: nil) else {
      throw Rejection(.wrongType(key: "tensors", entry: nil))
    }
    var names = Set<String>()
    var valueCount = 0
    for (index, item) in items.enumerated() {
      guard case .object(let entry) = item else { throw Rejection(.notAnObject(entry: index)) }
      try checkKeys(of: entry, are: ["name", "shape", "offset", "count"], entry: index)
      let name = try string("name", in: entry, entry: index)
      guard case .array(let dimensions) = try value("shape", in: entry, entry: index) else {
        throw Rejection(.wrongType(key: "shape", entry: index))
      }
      let shape = dimensions.compactMap { dimension -> Int? in
        guard case .integer(let size) = dimension else { return nil }
        return size
      }
      guard shape.count == dimensions.count else {
        throw Rejection(.wrongType(key: "shape", entry: index))
      }
      let offset = try integer("offset", in: entry, entry: index)
      let count = try integer("count", in: entry, entry: index)
      guard names.insert(name).inserted else { throw Rejection(.duplicateName(name)) }
      guard shape.allSatisfy({ $0 >= 0 }) else {
        throw Rejection(.negativeDimension(name: name, shape: shape))
      }
      guard let valuesInShape = product(of: shape) else {
        throw Rejection(.shapeOverflows(name: name, shape: shape))
      }
      guard count == valuesInShape else {
        throw Rejection(
          .countMismatch(name: name, count: count, shape: shape, valuesInShape: valuesInShape))
      }
      guard offset == valueCount else {
        throw Rejection(.offsetMismatch(name: name, offset: offset, expected: valueCount))
      }
      let (total, overflow) = valueCount.addingReportingOverflow(count)
      let (byteCount, byteOverflow) = total.multipliedReportingOverflow(by: 4)
      guard !overflow, !byteOverflow else { throw Rejection(.dataOverflows(name: name)) }
      header.entries.append((name, shape, offset, count))
      valueCount = total
      header.dataByteCount = byteCount
    }
    return header
  }

  /// Checks that `object`, the header or its entry `entry` of `"tensors"`, holds no key other
  /// than `keys`.
  private static func checkKeys(
    of object: JSONObject, are keys: [String], entry: Int?
  ) throws(Rejection) {
    if let unexpected = object.keys.first(where: { !keys.contains($0) }) {
      throw Rejection(.unexpectedKey(unexpected, entry: entry))
    }
  }

  /// The value of `key` in `object`, the header or its entry `entry` of `"tensors"`.
  private static func value(
    _ key: String, in object: JSONObject, entry: Int?
  ) throws(Rejection) -> JSONValue {
    guard let value = object[key] else { throw Rejection(.missingKey(key, entry: entry)) }
    return value
  }

  /// The string under `key` in `object`, the header or its entry `entry` of `"tensors"`.
  private static func string(
    _ key: String, in object: JSONObject, entry: Int?
  ) throws(Rejection) -> String {
    guard case .string(let string) = try value(key, in: object, entry: entry) else {
      throw Rejection(.wrongType(key: key, entry: entry))
    }
    return string
  }

  /// The integer under `key` in `object`, the header or its entry `entry` of `"tensors"`; a
  /// number written with a fraction or an exponent, such as `2.0`, is not one.
  private static func integer(
    _ key: String, in object: JSONObject, entry: Int?
  ) throws(Rejection) -> Int {
    guard case .integer(let integer) = try value(key, in: object, entry: entry) else {
      throw Rejection(.wrongType(key: key, entry: entry))
    }
    return integer
  }

  /// The number of values in a tensor of `shape` (whose sizes are not negative), or `nil` if
  /// the product of its non-zero sizes overflows `Int`.
  ///
  /// Checking the non-zero sizes, not just the product, keeps `[0, 2^40, 2^40]` out: it holds no
  /// value, but code that multiplies its sizes in another order, or leaves one out, would trap.
  private static func product(of shape: [Int]) -> Int? {
    var product = 1
    for size in shape where size != 0 {
      let (next, overflow) = product.multipliedReportingOverflow(by: size)
      guard !overflow else { return nil }
      product = next
    }
    return shape.contains(0) ? 0 : product
  }

  // MARK: Bytes

  /// `a + b`, or `nil` if `b` is `nil` or the sum overflows.
  private static func sum(_ a: Int, _ b: Int?) -> Int? {
    guard let b else { return nil }
    let (result, overflow) = a.addingReportingOverflow(b)
    return overflow ? nil : result
  }

  /// The little-endian `UInt32` at `offset`; the caller has checked that its 4 bytes exist.
  private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }

  /// The little-endian `UInt64` at `offset`; the caller has checked that its 8 bytes exist.
  private static func readUInt64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
    UInt64(readUInt32(bytes, at: offset)) | UInt64(readUInt32(bytes, at: offset + 4)) << 32
  }
}
