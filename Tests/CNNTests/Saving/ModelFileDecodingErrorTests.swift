import Testing
import ZlibCodecs

@testable import CNN

@Suite struct ModelFileDecodingErrorTests {
  /// A short name for the shared fixtures.
  typealias Fixtures = ModelFileFixtures
  /// The path the errors must name.
  static let path = "saved/model.cnn"
  /// A valid file, to damage.
  static let valid = Fixtures.sampleFile
  /// Where the header of `valid` ends and its tensor data starts.
  static let headerEnd = Fixtures.sampleHeaderEnd

  /// The error decoding `bytes` throws, after checking that it names the path.
  func decodingError(_ bytes: [UInt8]) -> ModelFileError? {
    let error = #expect(throws: ModelFileError.self) {
      try ModelFile.decode(bytes, path: Self.path)
    }
    #expect(error?.description.contains("'\(Self.path)'") == true)
    return error
  }

  @Test func emptyInputIsReportedAsEmpty() {
    #expect(decodingError([]) == .empty(path: Self.path))
  }

  @Test func fiveBytesOfTheSignatureAreReportedAsCutOff() {
    let error = decodingError(Array(ModelFile.signature.prefix(5)))
    #expect(error == .truncated(path: Self.path, expectedAtLeast: 24, actual: 5))
    #expect(error?.description.contains("copy it again") == true)
  }

  @Test func fiveOtherBytesAreNotAModelFile() {
    let error = decodingError(Array("hello".utf8))
    #expect(error == .notAModelFile(path: Self.path, firstBytes: Array("hello".utf8)))
    #expect(error?.description.contains("68 65 6C 6C 6F") == true)
    #expect(error?.description.contains("89 43 4E 4E 4D 4F 44 0A") == true)
  }

  /// The first bytes of common files, and what the message must call them.
  static let otherFiles: [(bytes: [UInt8], mention: String)] = [
    ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "a PNG image"),
    ([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0], "perhaps a Keras .keras file"),
    ([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A], "perhaps a Keras .h5 file"),
    ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "a JPEG image"),
    (Array("\n  {\"class_name\": \"Sequential\"}".utf8), "JSON text"),
    ([0x89, 0x43, 0x4E, 0x4E, 0x4D, 0x4F, 0x44, 0x0D, 0x0A, 1, 0, 0, 0], "in binary mode"),
    ([0xC2, 0x89, 0x43, 0x4E, 0x4E, 0x4D, 0x4F, 0x44, 0x0A, 1, 0, 0, 0], "in binary mode"),
  ]

  @Test(arguments: otherFiles.indices)
  func otherKindsOfFileAreNamedInTheMessage(index: Int) {
    let (bytes, mention) = Self.otherFiles[index]
    let file = bytes + Array(repeating: 0x41, count: 40)
    let error = decodingError(file)
    #expect(error == .notAModelFile(path: Self.path, firstBytes: Array(file.prefix(16))))
    #expect(error?.description.contains(mention) == true)
  }

  @Test func aZipArchiveGetsTheKerasAdvice() {
    let error = decodingError([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 30))
    #expect(error?.description.contains("a zip archive") == true)
    #expect(error?.description.contains("Model.load") == true)
    #expect(error?.description.contains("later version") == true)
  }

  @Test func aNewerVersionAsksForAnUpdate() {
    var bytes = Self.valid
    bytes[8] = 2
    let error = decodingError(bytes)
    #expect(error == .unsupportedVersion(path: Self.path, version: 2))
    #expect(error?.description.contains("newer version") == true)
    #expect(error?.description.contains("Update this program") == true)
  }

  @Test func versionZeroIsCalledDamaged() {
    var bytes = Self.valid
    bytes[8] = 0
    let error = decodingError(bytes)
    #expect(error == .unsupportedVersion(path: Self.path, version: 0))
    #expect(error?.description.contains("damaged") == true)
  }

  /// Lengths to cut `valid` to, each with the length the error must say was expected.
  static let cuts: [(length: Int, expected: Int)] = [
    (4, 24),  // inside the signature
    (10, 24),  // inside the version
    (16, 24),  // inside the header length
    (30, headerEnd + 4),  // inside the header
    (headerEnd + 2, headerEnd + 4),  // at the start of the data, before room for a checksum
    (headerEnd + 9, valid.count),  // inside the data
    (valid.count - 4, valid.count),  // without its checksum
    (valid.count - 1, valid.count),  // inside its checksum
  ]

  @Test(arguments: cuts.indices)
  func aFileCutShortIsReportedAsCutOff(index: Int) {
    let (length, expected) = Self.cuts[index]
    let error = decodingError(Array(Self.valid.prefix(length)))
    #expect(error == .truncated(path: Self.path, expectedAtLeast: expected, actual: length))
    #expect(error?.description.contains("shorter than its header says") == true)
    #expect(error?.description.contains("copy it again") == true)
  }

  @Test func oneFlippedBitInTheDataIsReportedAsDamage() {
    var bytes = Self.valid
    bytes[Self.headerEnd + 5] ^= 0x10
    let computed = CRC32.checksum(bytes.dropLast(4))
    let stored = CRC32.checksum(Self.valid.dropLast(4))
    let error = decodingError(bytes)
    #expect(error == .checksumMismatch(path: Self.path, stored: stored, computed: computed))
    #expect(error?.description.contains("is damaged") == true)
    #expect(error?.description.contains("Copy it again") == true)
  }

  @Test func oneFlippedBitInTheHeaderIsReportedAsDamage() {
    var bytes = Self.valid
    bytes[40] ^= 0x01
    guard case .checksumMismatch = decodingError(bytes) else {
      Issue.record("expected a checksum mismatch")
      return
    }
  }

  /// Header lengths no file holds; the file's length field is set to each of them.
  static let absurdHeaderLengths: [UInt64] = [.max, 1 << 63, 1 << 62, UInt64(Int.max - 20)]

  @Test(arguments: absurdHeaderLengths)
  func anAbsurdHeaderLengthIsCutOffOrDamageButNeverATrap(headerLength: UInt64) {
    var bytes = Self.valid
    bytes.replaceSubrange(12..<20, with: Fixtures.littleEndian(headerLength))
    switch decodingError(bytes) {
    case .truncated(_, let expectedAtLeast, _):
      #expect(UInt64(expectedAtLeast) == headerLength + 24)
    case .checksumMismatch: #expect(headerLength > UInt64(Int.max - 24))
    default: Issue.record("expected the file to be called cut off or damaged")
    }
    let forged = Fixtures.withValidChecksum(bytes)
    let detail = ModelFileError.HeaderProblem.lengthBeyondFile(
      headerLength: headerLength, fileSize: bytes.count)
    #expect(decodingError(forged) == .malformedHeader(path: Self.path, detail: detail))
  }

  @Test func aHeaderNestedDeeperThan64LevelsIsRejected() {
    let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
    let header =
      #"{"format": "cnn-lesson model", "version": 1, "content": \#(deep), "tensors": []}"#
    guard
      case .malformedHeader(_, .invalidJSON(let json)) = decodingError(
        Fixtures.file(header: header))
    else {
      Issue.record("expected invalid JSON")
      return
    }
    #expect(json.reason == .tooDeeplyNested(limit: 64))
  }

  @Test func invalidJSONQuotesTheParsersMessage() {
    let error = decodingError(Fixtures.file(header: #"{"format": "cnn-lesson model",}"#))
    #expect(error?.description.contains("not valid JSON (JSON error at line 1, column 31") == true)
    #expect(error?.description.contains("save the model again") == true)
  }
}
