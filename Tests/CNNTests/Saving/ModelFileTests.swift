import Foundation
import Testing
import ZlibCodecs

@testable import CNN

/// Contents, files and helpers shared by the model file tests.
enum ModelFileFixtures {
  /// A NaN whose payload is not the default one, to show that payloads survive.
  static let nanWithPayload = Float(bitPattern: 0x7FC0_1234)

  /// Contents with nested JSON and tensors of every awkward kind: special values, an empty shape
  /// (one value) and a shape of size zero.
  static let sample = ModelFileContents(
    content: [
      "class_name": "Sequential", "learning_rate": 0.001, "layers": [["units": 3], nil, true],
      "name": "caf\u{E9} \u{1F600}",
    ],
    tensors: [
      (
        "dense/kernel",
        Tensor(shape: [2, 3], scalars: [1, -0.0, nanWithPayload, .infinity, -2.5, 0])
      ),
      (
        "dense/bias",
        Tensor(shape: [3], scalars: [.leastNonzeroMagnitude, .greatestFiniteMagnitude, -1e-30])
      ),
      ("step", Tensor(shape: [], scalars: [42])),
      ("nothing", Tensor(shape: [0, 3], scalars: [])),
      ("last", Tensor(shape: [1, 1, 2], scalars: [-.infinity, 3.25])),
    ])

  /// `sample`, encoded.
  static let sampleFile = ModelFile.encode(sample)
  /// Where the header of `sampleFile` ends and its tensor data starts.
  static let sampleHeaderEnd = 20 + sampleFile[12..<20].reversed().reduce(0) { $0 << 8 | Int($1) }

  /// The bit patterns of every tensor's values, to compare values exactly (NaN included).
  static func bitPatterns(_ contents: ModelFileContents) -> [[UInt32]] {
    contents.tensors.map { $0.tensor.scalars.map(\.bitPattern) }
  }

  /// `bytes` with the checksum at its end recomputed, as a careful forger would.
  static func withValidChecksum(_ bytes: [UInt8]) -> [UInt8] {
    let body = bytes.dropLast(4)
    return Array(body) + littleEndian(CRC32.checksum(body))
  }

  /// A file made by hand: the signature, `version`, the length of `header` (or `headerLength`),
  /// the header, `data` and a correct checksum.
  static func file(
    header: String, data: [UInt8] = [], version: UInt32 = 1, headerLength: UInt64? = nil
  ) -> [UInt8] {
    let headerBytes = Array(header.utf8)
    let body =
      ModelFile.signature + littleEndian(version)
      + littleEndian(headerLength ?? UInt64(headerBytes.count)) + headerBytes + data
    return body + littleEndian(CRC32.checksum(body))
  }

  /// A valid header text listing `tensors` (the text of the entries of `"tensors"`).
  static func header(tensors: String) -> String {
    #"{"format": "cnn-lesson model", "version": 1, "content": null, "tensors": [\#(tensors)]}"#
  }

  /// The bytes of `value`, least significant first.
  static func littleEndian(_ value: some FixedWidthInteger) -> [UInt8] {
    (0..<(value.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }

  /// A new empty folder for one test's files.
  static func makeTemporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("ModelFileTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    return folder
  }
}

@Suite struct ModelFileTests {
  /// A short name for the shared fixtures.
  typealias Fixtures = ModelFileFixtures

  @Test func decodingAnEncodedFileGivesBackEqualContentsBitForBit() throws {
    let decoded = try ModelFile.decode(ModelFile.encode(Fixtures.sample), path: "m")
    #expect(decoded.content == Fixtures.sample.content)
    #expect(decoded.tensors.map(\.name) == Fixtures.sample.tensors.map(\.name))
    #expect(decoded.tensors.map(\.tensor.shape) == Fixtures.sample.tensors.map(\.tensor.shape))
    #expect(Fixtures.bitPatterns(decoded) == Fixtures.bitPatterns(Fixtures.sample))
    #expect(decoded.tensors[0].tensor.scalars[1].sign == .minus)
    #expect(ModelFile.encode(decoded) == Fixtures.sampleFile)
  }

  @Test func contentsWithoutTensorsSurviveARoundTrip() throws {
    let contents = ModelFileContents(content: ["optimizer": "adam"], tensors: [])
    #expect(try ModelFile.decode(ModelFile.encode(contents), path: "m") == contents)
  }

  @Test func emptyShapeAndZeroSizeTensorsSurviveARoundTrip() throws {
    let contents = ModelFileContents(
      content: nil,
      tensors: [
        ("scalar", Tensor(shape: [], scalars: [7])), ("none", Tensor(shape: [0, 3], scalars: [])),
      ])
    let decoded = try ModelFile.decode(ModelFile.encode(contents), path: "m")
    #expect(decoded == contents)
    #expect(decoded.tensors.map(\.tensor.shape) == [[], [0, 3]])
  }

  @Test func contentsAreEqualOnlyWithTheSameNamesInTheSameOrder() {
    let a = ("a", Tensor(shape: [1], scalars: [1]))
    let b = ("b", Tensor(shape: [1], scalars: [2]))
    let contents = ModelFileContents(content: 1, tensors: [a, b])
    #expect(contents == ModelFileContents(content: 1, tensors: [a, b]))
    #expect(contents != ModelFileContents(content: 1, tensors: [b, a]))
    #expect(contents != ModelFileContents(content: 1, tensors: [a, ("c", b.1)]))
    #expect(contents != ModelFileContents(content: 1, tensors: [a]))
    #expect(contents != ModelFileContents(content: 2, tensors: [a, b]))
  }

  @Test func encodingTwoTensorsWithTheSameNameStopsTheProgram() async {
    await #expect(processExitsWith: .failure) {
      let tensor = Tensor(shape: [1], scalars: [1])
      _ = ModelFile.encode(
        ModelFileContents(content: nil, tensors: [("w", tensor), ("w", tensor)]))
    }
  }

  @Test func fileStartsWithSignatureVersionAndHeaderLengthAndEndsWithItsChecksum() throws {
    let contents = ModelFileContents(
      content: ["a": 1], tensors: [("w", Tensor(shape: [2], scalars: [1, -2]))])
    let bytes = ModelFile.encode(contents)
    let header = """
      {"format": "cnn-lesson model", "version": 1, "content": {"a": 1}, "tensors": \
      [{"name": "w", "shape": [2], "offset": 0, "count": 2}]}
      """
    #expect(Array(bytes[0..<8]) == [0x89, 0x43, 0x4E, 0x4E, 0x4D, 0x4F, 0x44, 0x0A])
    #expect(Array(bytes[8..<12]) == [1, 0, 0, 0])
    #expect(Array(bytes[12..<20]) == Fixtures.littleEndian(UInt64(header.utf8.count)))
    #expect(String(decoding: bytes[20..<(20 + header.utf8.count)], as: UTF8.self) == header)
    // 1.0 is 0x3F800000 and -2.0 is 0xC0000000, least significant byte first.
    #expect(Array(bytes.dropLast(4).suffix(8)) == [0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0])
    #expect(bytes.count == 20 + header.utf8.count + 8 + 4)
    #expect(Array(bytes.suffix(4)) == Fixtures.littleEndian(CRC32.checksum(bytes.dropLast(4))))
  }

  @Test func writtenFileReadsBackAndLeavesNoTemporaryFile() throws {
    let folder = try Fixtures.makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("model.cnn").path
    try ModelFile.write(Fixtures.sample, to: path)
    let decoded = try ModelFile.read(from: path)
    #expect(Fixtures.bitPatterns(decoded) == Fixtures.bitPatterns(Fixtures.sample))
    #expect(decoded.content == Fixtures.sample.content)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.cnn"])
  }

  @Test func writingReplacesAnExistingFile() throws {
    let folder = try Fixtures.makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("model.cnn").path
    try ModelFile.write(Fixtures.sample, to: path)
    let smaller = ModelFileContents(content: "v2", tensors: [])
    try ModelFile.write(smaller, to: path)
    #expect(try ModelFile.read(from: path) == smaller)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.cnn"])
  }

  @Test func writingRemovesPartialFilesThatKilledSavesLeftButNotThoseOfSavesUnderWay() throws {
    let folder = try Fixtures.makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let ended = Process()
    ended.executableURL = URL(fileURLWithPath: "/bin/sh")
    ended.arguments = ["-c", "exit 0"]
    try ended.run()
    ended.waitUntilExit()
    let leftovers = [
      ".model.cnn.partial-\(ended.processIdentifier)-\(UUID().uuidString)", ".model.cnn.partial-\(UUID().uuidString)",
    ]
    let kept = [
      ".model.cnn.partial-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)",
      ".other.cnn.partial-\(ended.processIdentifier)-\(UUID().uuidString)",
    ]
    for name in leftovers + kept {
      #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data([1])))
    }
    try ModelFile.write(Fixtures.sample, to: folder.appendingPathComponent("model.cnn").path)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == (kept + ["model.cnn"]).sorted())
  }

  @Test func writingIntoAMissingFolderSaysSo() throws {
    let folder = try Fixtures.makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("missing/model.cnn").path
    let error = #expect(throws: ModelFileError.self) {
      try ModelFile.write(Fixtures.sample, to: path)
    }
    #expect(error == .cannotWrite(path: path, reason: .folderNotFound))
    #expect(error?.description.contains("Create the folder") == true)
  }

  @Test func writingOverAFolderFailsAndLeavesNoTemporaryFile() throws {
    let folder = try Fixtures.makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("model.cnn").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    let error = #expect(throws: ModelFileError.self) {
      try ModelFile.write(Fixtures.sample, to: path)
    }
    #expect(error == .cannotWrite(path: path, reason: .isAFolder))
    #expect(error?.description.contains("Add a file name") == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.cnn"])
  }

  @Test func readingAMissingFileSaysThereIsNoFile() {
    let path = "/nonexistent-\(UUID().uuidString)/model.cnn"
    let error = #expect(throws: ModelFileError.self) { try ModelFile.read(from: path) }
    #expect(error == .cannotRead(path: path, reason: .notFound))
    #expect(error?.description.contains("there is no file at that path") == true)
  }

  @Test func readingAFolderSaysItIsAFolder() throws {
    let folder = try Fixtures.makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: ModelFileError.self) { try ModelFile.read(from: folder.path) }
    #expect(error == .cannotRead(path: folder.path, reason: .isAFolder))
  }

  @Test func readingAPipeRefusesItWithoutWaitingForAWriter() throws {
    let folder = try Fixtures.makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("pipe").path
    #expect(mkfifo(path, 0o600) == 0)
    let error = #expect(throws: ModelFileError.self) { try ModelFile.read(from: path) }
    #expect(error == .cannotRead(path: path, reason: .notARegularFile))
  }

  @Test func readingAFileOverTheLimitRefusesIt() throws {
    let folder = try Fixtures.makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("model.cnn").path
    try ModelFile.write(Fixtures.sample, to: path)
    let size = Fixtures.sampleFile.count
    let error = #expect(throws: ModelFileError.self) {
      try ModelFile.read(from: path, byteLimit: size - 1)
    }
    #expect(error == .tooLarge(path: path, byteCount: size, limit: size - 1))
    #expect(error?.description.contains("raise the limit") == true)
    #expect(try ModelFile.read(from: path, byteLimit: size).content == Fixtures.sample.content)
  }

  @Test func readingAnEmptyFileSaysItIsEmpty() throws {
    let folder = try Fixtures.makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("model.cnn").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    let error = #expect(throws: ModelFileError.self) { try ModelFile.read(from: path) }
    #expect(error == .empty(path: path))
    #expect(error?.description.contains("save the model again, or copy the file again") == true)
  }
}
