import Testing

@testable import CNN

@Suite struct ModelFileHeaderTests {
  /// A short name for the shared fixtures.
  typealias Fixtures = ModelFileFixtures
  /// The path the errors must name.
  static let path = "forged.cnn"

  /// A file made by hand with a correct checksum, and the error decoding it must give.
  struct Forgery: Sendable, CustomTestStringConvertible {
    /// What is wrong with the file, shown in the test report.
    let testDescription: String
    /// The whole file.
    let bytes: [UInt8]
    /// The error decoding it must give.
    let error: ModelFileError

    /// A file with `header` and `valueCount` Float32 zeros of data.
    init(
      _ label: String, header: String, valueCount: Int = 0, _ problem: ModelFileError.HeaderProblem
    ) {
      self.init(
        label, header: header, valueCount: valueCount, .malformedHeader(path: path, detail: problem)
      )
    }

    /// A file with `header` and `valueCount` Float32 zeros of data, which must give `error`.
    init(_ label: String, header: String, valueCount: Int, _ error: ModelFileError) {
      testDescription = label
      bytes = Fixtures.file(header: header, data: Array(repeating: 0, count: 4 * valueCount))
      self.error = error
    }

    /// A file whose `"tensors"` array holds `entries`.
    init(
      _ label: String, entries: String, valueCount: Int = 0, _ problem: ModelFileError.HeaderProblem
    ) {
      self.init(label, header: Fixtures.header(tensors: entries), valueCount: valueCount, problem)
    }
  }

  /// The error the JSON parser gives for `text`.
  static func jsonError(_ text: String) -> JSONError {
    do {
      _ = try JSONValue(parsing: text)
    } catch {
      return error
    }
    fatalError("\(text) parsed")
  }

  /// The text of an entry of `"tensors"`.
  static func entry(_ name: String, shape: [Int], offset: Int, count: Int) -> String {
    #"{"name": "\#(name)", "shape": \#(shape), "offset": \#(offset), "count": \#(count)}"#
  }

  /// The start of a valid header, up to its `"version"`.
  static let start = #"{"format": "cnn-lesson model", "version": 1"#

  /// Every forgery, one for each check of the header.
  static let forgeries: [Forgery] = [
    Forgery("invalid JSON", header: "\(start),,}", .invalidJSON(jsonError("\(start),,}"))),
    Forgery("header not an object", header: "[]", .notAnObject(entry: nil)),
    Forgery("no tensors", header: "\(start), \"content\": 0}", .missingKey("tensors", entry: nil)),
    Forgery("no content", header: "\(start), \"tensors\": []}", .missingKey("content", entry: nil)),
    Forgery(
      "unknown key", header: "\(start), \"content\": 0, \"tensors\": [], \"extra\": 1}",
      .unexpectedKey("extra", entry: nil)),
    Forgery(
      "other format", header: #"{"format": "keras", "version": 1, "content": 0, "tensors": []}"#,
      .wrongFormat("keras")),
    Forgery(
      "format not a string", header: #"{"format": 1, "version": 1, "content": 0, "tensors": []}"#,
      .wrongType(key: "format", entry: nil)),
    Forgery(
      "other version",
      header: #"{"format": "cnn-lesson model", "version": 2, "content": 0, "tensors": []}"#,
      .versionMismatch(header: 2, file: 1)),
    Forgery(
      "version not an integer",
      header: #"{"format": "cnn-lesson model", "version": 1.0, "content": 0, "tensors": []}"#,
      .wrongType(key: "version", entry: nil)),
    Forgery(
      "tensors not an array", header: "\(start), \"content\": 0, \"tensors\": {}}",
      .wrongType(key: "tensors", entry: nil)),
    Forgery("entry not an object", entries: "1", .notAnObject(entry: 0)),
    Forgery(
      "entry without count", entries: #"{"name": "a", "shape": [], "offset": 0}"#,
      .missingKey("count", entry: 0)),
    Forgery(
      "name not a string", entries: #"{"name": 1, "shape": [], "offset": 0, "count": 1}"#,
      valueCount: 1, .wrongType(key: "name", entry: 0)),
    Forgery(
      "fractional size", entries: #"{"name": "a", "shape": [2.0], "offset": 0, "count": 2}"#,
      valueCount: 2, .wrongType(key: "shape", entry: 0)),
    Forgery(
      "size beyond Int",
      entries: #"{"name": "a", "shape": [99999999999999999999], "offset": 0, "count": 1}"#,
      .wrongType(key: "shape", entry: 0)),
    Forgery(
      "negative size", entries: #"{"name": "a", "shape": [2, -3], "offset": 0, "count": -6}"#,
      .negativeDimension(name: "a", shape: [2, -3])),
    Forgery(
      "shape overflowing Int",
      entries: #"{"name": "a", "shape": [1099511627776, 1099511627776], "offset": 0, "count": 0}"#,
      .shapeOverflows(name: "a", shape: [1 << 40, 1 << 40])),
    Forgery(
      "empty shape overflowing Int when the zero is left out",
      entries:
        #"{"name": "a", "shape": [0, 1099511627776, 1099511627776], "offset": 0, "count": 0}"#,
      .shapeOverflows(name: "a", shape: [0, 1 << 40, 1 << 40])),
    Forgery(
      "count not the product", entries: #"{"name": "a", "shape": [2, 3], "offset": 0, "count": 5}"#,
      valueCount: 5, .countMismatch(name: "a", count: 5, shape: [2, 3], valuesInShape: 6)),
    Forgery(
      "count of -1", entries: #"{"name": "a", "shape": [0], "offset": 0, "count": -1}"#,
      .countMismatch(name: "a", count: -1, shape: [0], valuesInShape: 0)),
    Forgery(
      "first offset not 0", entries: #"{"name": "a", "shape": [1], "offset": 4, "count": 1}"#,
      valueCount: 5, .offsetMismatch(name: "a", offset: 4, expected: 0)),
    Forgery(
      "gap between tensors",
      entries: #"{"name": "a", "shape": [2], "offset": 0, "count": 2}, "#
        + #"{"name": "b", "shape": [1], "offset": 3, "count": 1}"#,
      valueCount: 4, .offsetMismatch(name: "b", offset: 3, expected: 2)),
    Forgery(
      "overlapping tensors",
      entries: #"{"name": "a", "shape": [2], "offset": 0, "count": 2}, "#
        + #"{"name": "b", "shape": [1], "offset": 1, "count": 1}"#,
      valueCount: 2, .offsetMismatch(name: "b", offset: 1, expected: 2)),
    Forgery(
      "duplicate name",
      entries: #"{"name": "a", "shape": [1], "offset": 0, "count": 1}, "#
        + #"{"name": "a", "shape": [1], "offset": 1, "count": 1}"#,
      valueCount: 2, .duplicateName("a")),
    Forgery(
      "tensor past the end of the data",
      entries: #"{"name": "a", "shape": [2], "offset": 0, "count": 2}"#,
      valueCount: 1, .dataTooShort(needed: 8, present: 4)),
    Forgery(
      "huge tensor with no data",
      entries: #"{"name": "a", "shape": [1099511627776], "offset": 0, "count": 1099511627776}"#,
      .dataTooShort(needed: 1 << 42, present: 0)),
    Forgery(
      "byte count overflowing Int",
      entries: entry("a", shape: [1 << 61], offset: 0, count: 1 << 61),
      .dataOverflows(name: "a")),
    Forgery(
      "total count overflowing Int",
      entries: entry("a", shape: [1 << 60], offset: 0, count: 1 << 60) + ", "
        + entry("b", shape: [1 << 60], offset: 1 << 60, count: 1 << 60),
      .dataOverflows(name: "b")),
    Forgery(
      "data longer than the tensors need",
      header: Fixtures.header(tensors: #"{"name": "a", "shape": [1], "offset": 0, "count": 1}"#),
      valueCount: 3, .trailingData(path: path, extraBytes: 8)),
  ]

  @Test(arguments: forgeries)
  func aForgedHeaderIsRejectedWithItsProblem(forgery: Forgery) {
    let error = #expect(throws: ModelFileError.self) {
      try ModelFile.decode(forgery.bytes, path: Self.path)
    }
    #expect(error == forgery.error)
    #expect(error?.description.contains("'\(Self.path)'") == true)
    #expect(error?.description.contains("save the model again with Model.save") == true)
  }

  /// The message for the forgery labelled `label`.
  func message(_ label: String) -> String {
    Self.forgeries.first { $0.testDescription == label }?.error.description ?? ""
  }

  @Test func messagesSayWhatIsWrongWithTheHeader() {
    #expect(message("invalid JSON").contains("not valid JSON (JSON error at line 1, column 45"))
    #expect(message("no tensors").contains("the header has no \"tensors\" key"))
    #expect(
      message("negative size").contains("tensor \"a\" has a negative size in its shape [2, -3]"))
    #expect(message("shape overflowing Int").contains("more values than a program can count"))
    #expect(
      message("count not the product").contains("count of 5, but its shape [2, 3] holds 6 values"))
    #expect(message("gap between tensors").contains("starts at offset 3 instead of 2"))
    #expect(message("duplicate name").contains("two tensors are named \"a\""))
    #expect(
      message("data longer than the tensors need").contains("holds 8 bytes of tensor data beyond"))
  }

  @Test func aHeaderOverTheLimitIsRejectedUnparsed() {
    let length = ModelFile.maximumHeaderByteCount + 1
    let bytes = Fixtures.withValidChecksum(
      ModelFile.signature + Fixtures.littleEndian(ModelFile.version)
        + Fixtures.littleEndian(UInt64(length)) + Array(repeating: 0x20, count: length + 4))
    let error = #expect(throws: ModelFileError.self) { try ModelFile.decode(bytes, path: "big") }
    let problem = ModelFileError.HeaderProblem.tooLong(
      byteCount: length, limit: ModelFile.maximumHeaderByteCount)
    #expect(error == .malformedHeader(path: "big", detail: problem))
  }
}
