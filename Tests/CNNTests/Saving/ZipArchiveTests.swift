import CNNTestSupport
import Foundation
import Testing

@testable import CNN
@testable import ZlibCodecs

/// The members a ZIP archive may hold and their sizes: a small `.keras` file whose members
/// inflate to gigabytes (a "ZIP bomb") is refused by name before anything is unpacked.
@Suite(.isolatedSession) struct ZipArchiveTests {
  /// Raw DEFLATE data that inflates to `1 MiB + extraBytes · 1032` zeros. This library's deflater
  /// writes 1 MiB of zeros as one dynamic block whose middle is a run of one byte: four matches
  /// of 258 zeros, each a 1-bit length code and a 1-bit distance code. Repeating that byte
  /// `extraBytes` more times adds 4 · 258 = 1032 zeros each, so 1.5 GB needs about 1.4 MB.
  static func deflatedZeros(extraBytes: Int) throws -> [UInt8] {
    let compressed = Deflate.compress([UInt8](repeating: 0, count: 1 << 20))
    var longest = 0..<0
    var start = 0
    for index in compressed.indices.dropFirst() where compressed[index] != compressed[start] {
      if index - start > longest.count { longest = start..<index }
      start = index
    }
    try #require(longest.count > 100, "the deflater's output for zeros has no long run of one byte")
    let middle = longest.lowerBound + longest.count / 2
    return Array(compressed[..<middle]) + Array(repeating: compressed[middle], count: extraBytes)
      + Array(compressed[middle...])
  }

  /// The bytes of a ZIP archive holding `stored` as they are, then each of `deflated` as its
  /// compressed bytes, marked deflated and declaring `size` bytes.
  static func archive(stored: [ZipArchive.Member], deflated: [(name: String, bytes: [UInt8], size: Int)]) -> [UInt8] {
    var bytes = ZipArchive(members: stored + deflated.map { .init(name: $0.name, bytes: $0.bytes) }).encoded()
    for member in deflated {
      // The member's central directory entry starts 46 bytes before the last copy of its name.
      let name = Array(member.name.utf8)
      let entry = bytes.indices.last { bytes[$0...].starts(with: name) }! - 46
      bytes.replaceSubrange((entry + 10)..<(entry + 12), with: [8, 0])
      bytes.replaceSubrange(
        (entry + 24)..<(entry + 28), with: withUnsafeBytes(of: UInt32(member.size).littleEndian, Array.init))
    }
    return bytes
  }

  /// The members of a real `.keras` file.
  static func kerasMembers() throws -> [ZipArchive.Member] {
    setRandomSeed(12)
    return try ZipArchive.decode(KerasFile.encode(SyntheticImages.brightSideModel())).members
  }

  @Test func theZerosBuiltHereInflateToTheSizeTheyClaim() throws {
    let zeros = try Inflate.rawDecompress(Self.deflatedZeros(extraBytes: 1000), maximumOutputCount: 1 << 24).output
    #expect(zeros.count == (1 << 20) + 1000 * 1032)
    #expect(zeros.allSatisfy { $0 == 0 })
  }

  @Test func aKerasFileWithExtraMembersOfGigabytesIsRefusedByNameBeforeInflating() throws {
    // As the issue found it: a 4.4 MB file whose three extra members inflate to 1.5 GB each.
    let extraBytes = (1_500_000_000 - (1 << 20)) / 1032
    let bomb = try Self.deflatedZeros(extraBytes: extraBytes)
    let size = (1 << 20) + extraBytes * 1032
    let bytes = Self.archive(
      stored: try Self.kerasMembers(), deflated: (0..<3).map { ("extra\($0).bin", bomb, size) })
    #expect(bytes.count < 5_000_000)
    let folder = try TemporaryFolder(prefix: "cnn-zip-bomb")
    try Data(bytes).write(to: URL(fileURLWithPath: folder.path("bomb.keras")))
    let error = #expect(throws: ModelFileError.self) { try Model.load(from: folder.path("bomb.keras")) }
    #expect(
      error?.description.contains(
        "bomb.keras' cannot be loaded: its ZIP archive holds a member named extra0.bin, which is not one this file "
          + "should hold (config.json, metadata.json, model.weights.h5); nothing was unpacked")
        == true, "\(String(describing: error))")
  }

  @Test func aKerasMemberDeclaringMoreThanItsLimitIsRefusedBeforeInflating() throws {
    var members = try Self.kerasMembers()
    members.removeAll { $0.name == KerasFile.configName }
    let bomb = try Self.deflatedZeros(extraBytes: 70_000)
    let size = (1 << 20) + 70_000 * 1032
    let bytes = Self.archive(stored: members, deflated: [(KerasFile.configName, bomb, size)])
    let problem = #expect(throws: FormatProblem.self) { try ZipArchive.decode(bytes) }
    #expect(
      problem?.detail
        == "member config.json declares \(size) bytes, more than the 67108864 it may hold here; nothing was unpacked")
  }

  @Test func aDeflatedMemberThatCannotBeInflatedIsNamedWithWhatIsWrong() throws {
    // A final block of type 3, which DEFLATE reserves.
    let bytes = Self.archive(stored: [], deflated: [("weights.bin", [0x07, 0x00], 4)])
    let problem = #expect(throws: FormatProblem.self) { try ZipArchive.decode(bytes, memberLimits: ["weights.bin": 4]) }
    #expect(
      problem?.detail
        == "member weights.bin is damaged: the compressed data is damaged "
        + "(a block of type 3, which DEFLATE reserves (only 0, 1 and 2 exist))")
  }

  @Test func eachKerasMemberIsCappedBelowWhatAModelFileMayHold() {
    #expect(Set(KerasFile.memberLimits.keys) == [KerasFile.metadataName, KerasFile.configName, KerasFile.weightsName])
    #expect(KerasFile.memberLimits.values.allSatisfy { $0 <= ModelFile.defaultByteLimit })
  }

  @Test func membersWithinTheirLimitsAreRead() throws {
    let archive = ZipArchive(members: [
      .init(name: "a.json", bytes: Array("{}".utf8)), .init(name: "folder/b.bin", bytes: [0, 1, 2, 255]),
    ])
    let limits = ["a.json": 2, "folder/b.bin": 4]
    #expect(try ZipArchive.decode(archive.encoded(), memberLimits: limits) == archive)
    let problem = #expect(throws: FormatProblem.self) {
      try ZipArchive.decode(archive.encoded(), memberLimits: ["a.json": 2, "folder/b.bin": 3])
    }
    #expect(problem?.detail.contains("member folder/b.bin declares 4 bytes, more than the 3") == true)
  }
}
