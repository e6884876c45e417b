import Foundation
import Testing
import ZlibCodecs

@testable import ImageCodecs

/// Decoding broken files: each fixture in `Fixtures/png/invalid/` (made by
/// `make_broken_fixtures.py`) must give its own `ImageProblem`, with the detail that helps.
@Suite struct PNGDecoderErrorTests {
  /// A broken fixture, the kind of problem it must give and a phrase its message must contain.
  struct BrokenFile: CustomStringConvertible, Sendable {
    /// The file in `Fixtures/png/invalid/`.
    let file: String
    /// The `ImageProblem` case, by name.
    let problem: String
    /// Text the problem's detail (or, for checksums, its `what`) must contain.
    let detail: String

    /// The file name, so that test results list each case by it.
    var description: String { file }
  }

  /// Every file in `invalid/` except `empty.png` and `text.png`, which the format detection in
  /// `Image(decoding:)` refuses before the PNG decoder sees them (see the tests below).
  static let brokenFiles: [BrokenFile] = [
    .init(file: "signature_only.png", problem: "truncated", detail: "right after the PNG signature"),
    .init(file: "truncated_in_ihdr.png", problem: "truncated", detail: "chunk IHDR at byte 8 holds 13 bytes"),
    .init(file: "truncated_after_ihdr.png", problem: "truncated", detail: "before its first IDAT chunk"),
    .init(file: "truncated_in_idat.png", problem: "truncated", detail: "chunk IDAT at byte 33"),
    .init(file: "truncated_last_byte.png", problem: "truncated", detail: "chunk IEND"),
    .init(file: "missing_iend.png", problem: "truncated", detail: "before the IEND chunk"),
    .init(file: "bad_crc_ihdr.png", problem: "checksumMismatch", detail: "chunk IHDR at byte 8"),
    .init(file: "bad_crc_idat.png", problem: "checksumMismatch", detail: "chunk IDAT at byte 33"),
    .init(file: "bad_adler32.png", problem: "checksumMismatch", detail: "Adler-32"),
    .init(file: "idat_stream_cut.png", problem: "truncated", detail: "the IDAT data ends before the image does"),
    .init(file: "idat_too_short.png", problem: "corruptCompressedData", detail: "holds 400 bytes of scanlines"),
    .init(file: "idat_too_long.png", problem: "corruptCompressedData", detail: "more than the 440 bytes expected"),
    .init(file: "zlib_bomb.png", problem: "corruptCompressedData", detail: "more than the 272 bytes expected"),
    .init(file: "zlib_bad_method.png", problem: "corruptCompressedData", detail: "compression method 7"),
    .init(file: "zlib_preset_dictionary.png", problem: "corruptCompressedData", detail: "preset dictionary"),
    .init(file: "deflate_block_type_3.png", problem: "corruptCompressedData", detail: "a block of type 3"),
    .init(
      file: "deflate_distance_too_far.png", problem: "corruptCompressedData",
      detail: "a distance of 12 bytes back when only 2 bytes"),
    .init(file: "deflate_distance_code_31.png", problem: "corruptCompressedData", detail: "invalid distance code 31"),
    .init(file: "filter_type_5.png", problem: "invalidHeader", detail: "filter type 5 in row 3"),
    .init(file: "zero_width.png", problem: "invalidHeader", detail: "0×11 pixels"),
    .init(file: "huge_dimensions.png", problem: "tooLarge", detail: "2147483647×2147483647"),
    .init(file: "width_over_2_31.png", problem: "invalidHeader", detail: "2147483648×11"),
    .init(file: "colour_type_1.png", problem: "invalidHeader", detail: "colour type 1 does not exist"),
    .init(file: "colour_type_9.png", problem: "invalidHeader", detail: "colour type 9 does not exist"),
    .init(file: "bit_depth_0.png", problem: "invalidHeader", detail: "bit depth 0"),
    .init(file: "bit_depth_3.png", problem: "invalidHeader", detail: "bit depth 3; allowed: 8, 16"),
    .init(file: "bit_depth_99.png", problem: "invalidHeader", detail: "bit depth 99"),
    .init(file: "rgb_bit_depth_4.png", problem: "invalidHeader", detail: "RGB image (colour type 2) of bit depth 4"),
    .init(file: "compression_method_1.png", problem: "invalidHeader", detail: "compression method 1"),
    .init(file: "filter_method_1.png", problem: "invalidHeader", detail: "filter method 1"),
    .init(file: "interlace_method_2.png", problem: "invalidHeader", detail: "interlace method 2"),
    .init(file: "missing_ihdr.png", problem: "invalidHeader", detail: "the first chunk is IDAT"),
    .init(file: "missing_idat.png", problem: "invalidHeader", detail: "there is no IDAT chunk"),
    .init(file: "unknown_critical_chunk.png", problem: "unsupportedFeature", detail: "unknown critical chunk CRIT"),
    .init(file: "idat_not_consecutive.png", problem: "invalidHeader", detail: "separated from the IDAT chunks"),
    .init(file: "chunk_length_over_2_31.png", problem: "invalidHeader", detail: "claims 2147483648 bytes"),
    .init(file: "second_ihdr.png", problem: "invalidHeader", detail: "a second IHDR chunk"),
    .init(file: "text_mode_damage.png", problem: "invalidHeader", detail: "starts with 89 50 4E 47 0D 0D 0A 1A"),
    .init(
      file: "palette_index_out_of_range.png", problem: "invalidHeader",
      detail: "but the palette has 2 entries"),
    .init(file: "missing_plte.png", problem: "invalidHeader", detail: "a palette image without a PLTE chunk"),
    .init(file: "plte_length_not_multiple_of_3.png", problem: "invalidHeader", detail: "the PLTE chunk holds 47 bytes"),
  ]

  @Test(arguments: brokenFiles)
  func brokenFileGivesItsProblem(_ broken: BrokenFile) {
    let error = #expect(throws: ImageProblem.self) {
      try PNGDecoder.decode(PNGFixtures.bytes("invalid/" + broken.file), limits: .standard)
    }
    guard let error else { return }
    #expect(PNGTestFiles.caseName(error) == broken.problem, "\(error)")
    #expect(PNGTestFiles.detail(error).contains(broken.detail), "\(PNGTestFiles.detail(error))")
  }

  @Test func everyBrokenFixtureHasAnExpectedProblem() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: PNGFixtures.path("invalid"))
    let listed = Set(Self.brokenFiles.map(\.file)).union(["empty.png", "text.png"])
    #expect(Set(files) == listed)
  }

  @Test func errorsThroughImageDecodingNameThePath() {
    let path = PNGFixtures.path("invalid/bad_crc_idat.png")
    let error = #expect(throws: ImageDecodingError.self) { try Image(contentsOf: path) }
    #expect(error?.path == path)
    #expect(error?.description.hasPrefix(path + ": the file is damaged") == true)
    let named = #expect(throws: ImageDecodingError.self) {
      try Image(decoding: PNGFixtures.bytes("invalid/zlib_bomb.png"), path: "bomb.png")
    }
    #expect(named?.path == "bomb.png")
    #expect(named.map { PNGTestFiles.caseName($0.problem) } == "corruptCompressedData")
  }

  @Test func anInterlacedZlibBombStopsAtTheAdam7ByteCount() {
    // 16×16 gray, 8 bits, Adam7: the seven passes hold 2×2, 2×2, 4×2, 4×4, 8×4, 8×8 and 16×8
    // pixels, each row one filter byte more: 6 + 6 + 10 + 20 + 36 + 72 + 136 = 286 bytes. The
    // IDAT holds 1 MiB of zeros, which inflate no further than that.
    let header = PNGTestFiles.bigEndian(16) + PNGTestFiles.bigEndian(16) + [8, 0, 0, 0, 1]
    let bytes =
      [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + PNGTestFiles.chunk("IHDR", header)
      + PNGTestFiles.chunk("IDAT", Deflate.zlibStream(compressing: [UInt8](repeating: 0, count: 1 << 20)))
      + PNGTestFiles.chunk("IEND", [])
    let error = #expect(throws: ImageDecodingError.self) { try Image(decoding: bytes, path: "bomb.png") }
    #expect(
      error?.description
        == "bomb.png: the compressed image data is damaged (it decompresses to more than the 286 bytes expected "
        + "(a damaged file or a zlib bomb)). Copy the file again from the original.")
  }

  @Test func emptyAndTextFilesAreRefusedBeforeThePNGDecoder() {
    let empty = #expect(throws: ImageDecodingError.self) {
      try Image(decoding: PNGFixtures.bytes("invalid/empty.png"), path: "empty.png")
    }
    #expect(empty?.problem == .empty)
    let text = #expect(throws: ImageDecodingError.self) {
      try Image(decoding: PNGFixtures.bytes("invalid/text.png"), path: "text.png")
    }
    #expect(text.map { PNGTestFiles.caseName($0.problem) } == "unknownFormat")
    #expect(text?.description.contains("looks like text") == true)
  }

  @Test func infoReportsHeaderProblemsToo() {
    let error = #expect(throws: ImageProblem.self) {
      try PNGDecoder.info(PNGFixtures.bytes("invalid/bit_depth_3.png"))
    }
    #expect(error.map(PNGTestFiles.caseName) == "invalidHeader")
  }

  @Test func checksumMismatchCarriesBothValues() throws {
    let error = #expect(throws: ImageProblem.self) {
      try PNGDecoder.decode(PNGFixtures.bytes("invalid/bad_crc_ihdr.png"), limits: .standard)
    }
    guard case .checksumMismatch(_, let stored, let computed) = error else {
      Issue.record("expected a checksum mismatch, got \(String(describing: error))")
      return
    }
    #expect(stored != computed)
    let message = try #require(error).description
    #expect(message.contains("the checksum of chunk IHDR at byte 8 is 0x"))
  }

  @Test func hugeDeclaredSizeWithGenerousLimitsFailsWithoutAllocatingIt() throws {
    // 100 000 × 100 000 RGBA would need 40 GB; the 13×11 image data inside runs out long before.
    let bytes = PNGTestFiles.replacingHeader(
      of: PNGFixtures.bytes("generated/nc08_13x11.png"), width: 100_000, height: 100_000)
    let error = #expect(throws: ImageProblem.self) {
      try PNGDecoder.decode(bytes, limits: DecodingLimits(maximumPixelCount: .max))
    }
    #expect(error.map(PNGTestFiles.caseName) == "corruptCompressedData")
    #expect(error.map(PNGTestFiles.detail)?.contains("ends before the image does") == true)
  }
}
