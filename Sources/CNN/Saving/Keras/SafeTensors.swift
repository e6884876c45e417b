// The safetensors format (Hugging Face's): an 8-byte little-endian length N, N bytes of JSON
//   {"<name>": {"dtype": "F32", "shape": [3, 3, 1, 8], "data_offsets": [begin, end]}, …,
//    "__metadata__": {"<key>": "<text>", …}}
// padded with spaces to a multiple of 8 bytes, then the tensors' little-endian bytes, one after
// another; offsets count from the first of them, and the tensors cover that data exactly.
// `safetensors.numpy.load_file` reads it in Python, without running any code from the file.

/// Writes and reads safetensors files of float tensors.
enum SafeTensors {
  /// The longest header accepted: 100 MB, as the reference reader allows.
  static let maximumHeaderLength = 100_000_000

  /// The bytes of a safetensors file holding `tensors` (names unique) and `metadata`.
  static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) -> [UInt8] {
    var header = JSONObject()
    var offset = 0
    for (name, tensor) in tensors {
      let end = offset + 4 * tensor.scalarCount
      header[name] = [
        "dtype": "F32", "shape": .array(tensor.shape.map { .integer($0) }),
        "data_offsets": [.integer(offset), .integer(end)],
      ]
      offset = end
    }
    if !metadata.isEmpty {
      header["__metadata__"] = .object(
        JSONObject(orderedPairs: metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
    }
    var json = Array(JSONValue.object(header).serialized().utf8)
    json += repeatElement(UInt8(ascii: " "), count: (8 - json.count % 8) % 8)
    var file = LittleEndianWriter()
    file.append(UInt64(json.count))
    file.append(contentsOf: json)
    for (_, tensor) in tensors {
      for value in tensor.scalars { file.append(value.bitPattern) }
    }
    return file.bytes
  }

  /// The tensors of an untrusted safetensors file, in the order of their data. F32 tensors are
  /// read as they are; F64, F16 and integer ones are refused with their type named.
  static func decode(_ bytes: [UInt8]) throws(FormatProblem) -> [(name: String, tensor: Tensor)] {
    let reader = LittleEndianReader(bytes: bytes)
    guard let length = try? reader.uint64(at: 0) else {
      throw FormatProblem("is too short to be a safetensors file (\(bytes.count) bytes)")
    }
    guard length <= UInt64(min(maximumHeaderLength, bytes.count - 8)) else {
      throw FormatProblem("declares a header of \(length) bytes, more than the file holds after it")
    }
    let dataStart = 8 + Int(length)
    let header: JSONObject
    do {
      guard let object = try JSONValue.parse(Array(bytes[8..<dataStart])).objectValue else {
        throw FormatProblem("has a header that is not a JSON object")
      }
      header = object
    } catch let problem as FormatProblem {
      throw problem
    } catch {
      throw FormatProblem("has a header that is not valid JSON: \(error)")
    }
    var entries: [(name: String, shape: [Int], range: Range<Int>)] = []
    for (name, value) in header where name != "__metadata__" {
      guard let entry = value.objectValue, let dtype = entry["dtype"]?.stringValue,
        let shape = entry["shape"]?.arrayValue?.compactMap(\.intValue),
        shape.count == entry["shape"]?.arrayValue?.count,
        let offsets = entry["data_offsets"]?.arrayValue?.compactMap(\.intValue), offsets.count == 2
      else {
        throw FormatProblem("has an entry \"\(name)\" without a dtype, a shape and two data offsets")
      }
      guard dtype == "F32" else { throw FormatProblem("holds \"\(name)\" as \(dtype); only F32 tensors are read") }
      var count = 1
      for size in shape {
        let (product, overflow) = count.multipliedReportingOverflow(by: size)
        guard size >= 0, !overflow, product <= bytes.count else {
          throw FormatProblem("gives \"\(name)\" the shape \(shape), larger than the file")
        }
        count = product
      }
      guard offsets[0] >= 0, offsets[1] >= offsets[0], offsets[1] - offsets[0] == 4 * count else {
        throw FormatProblem("gives \"\(name)\" data offsets \(offsets) that do not hold its shape \(shape) of floats")
      }
      entries.append((name, shape, offsets[0]..<offsets[1]))
    }
    entries.sort { $0.range.lowerBound < $1.range.lowerBound }
    var expected = 0
    for entry in entries {
      guard entry.range.lowerBound == expected else {
        throw FormatProblem("has tensors whose data overlap or leave gaps, at \"\(entry.name)\"")
      }
      expected = entry.range.upperBound
    }
    guard expected == bytes.count - dataStart else {
      throw FormatProblem("holds \(bytes.count - dataStart) bytes of data, but its tensors cover \(expected)")
    }
    return try entries.map { entry throws(FormatProblem) in
      let start = dataStart + entry.range.lowerBound
      do {
        let values = try (0..<(entry.range.count / 4)).map { index throws(LittleEndianReader.OutOfBounds) in
          Float(bitPattern: try reader.uint32(at: start + 4 * index))
        }
        return (entry.name, Tensor(shape: entry.shape, scalars: values))
      } catch {
        throw FormatProblem("is cut off inside \"\(entry.name)\"")
      }
    }
  }
}
