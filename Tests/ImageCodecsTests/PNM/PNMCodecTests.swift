import Foundation
import Testing

@testable import ImageCodecs

@Suite struct PNMCodecTests {
  // MARK: - Decoding, against Netpbm

  @Test(arguments: PNMFixtures.expected)
  func decodesToTheSamePixelsAsNetpbm(_ fixture: PNMFixtures.Expected) throws {
    let image = try Image(contentsOf: PNMFixtures.path(fixture.file))
    let expected = PNMFixtures.bytes(fixture.file + ".expected")
    #expect(image.width == fixture.width && image.height == fixture.height && image.channels == fixture.channels)
    #expect(image.pixels.count == expected.count)
    #expect(image.pixels == expected)
  }

  @Test(arguments: PNMFixtures.expected)
  func infoReadsTheHeader(_ fixture: PNMFixtures.Expected) throws {
    let info = try Image.info(contentsOf: PNMFixtures.path(fixture.file))
    let isBitmap = ["P1", "P4"].contains(fixture.magic)
    #expect(info.format == (isBitmap ? .pbm : fixture.channels == 3 ? .ppm : .pgm))
    #expect(info.width == fixture.width && info.height == fixture.height && info.channels == fixture.channels)
    #expect(info.bitDepth == (isBitmap ? 1 : fixture.maxval > 255 ? 16 : 8))
    #expect(info.details.hasSuffix(isBitmap ? fixture.magic : "\(fixture.magic), maxval \(fixture.maxval)"))
  }

  // MARK: - Broken files

  /// Each broken fixture, and a piece of the message it must produce.
  static let brokenFiles: [(file: String, problem: ImageProblem)] = [
    (
      "invalid-truncated-p6.ppm", .truncated("its pixel data has 263 of the 273 bytes a 13×7 PPM with maxval 255 needs")
    ),
    (
      "invalid-truncated-p5-16bit.pgm",
      .truncated("its pixel data has 181 of the 182 bytes a 13×7 PGM with maxval 65535 needs")
    ),
    ("invalid-truncated-header.pgm", .truncated("the header ends before the height")),
    ("invalid-sample-above-maxval-p2.pgm", .invalidHeader("the sample at x = 1, y = 0 is 16, more than the maxval 15")),
    (
      "invalid-sample-above-maxval-p5.pgm", .invalidHeader("the sample at x = 1, y = 0 is 200, more than the maxval 15")
    ),
    (
      "invalid-sample-above-maxval-p6.ppm",
      .invalidHeader("the sample at x = 0, y = 0, green is 1001, more than the maxval 1000")
    ),
    (
      "invalid-not-a-number-p3.ppm",
      .invalidHeader("sample 1 (x = 0, y = 0, green) should be a number from 0 to 255, but the file has 'x' at byte 13")
    ),
    ("invalid-maxval-zero.pgm", .invalidHeader("the maxval is 0, but it must be 1 to 65535")),
    ("invalid-maxval-70000.pgm", .invalidHeader("the maxval is 70000, but it must be 1 to 65535")),
    ("invalid-zero-width.pgm", .invalidHeader("the image is 0×7 pixels")),
    (
      "invalid-width-not-a-number.pgm",
      .invalidHeader("the width should be a number of up to 9 digits, but the header has '13x' at byte 3")
    ),
    ("invalid-truncated-p4.pbm", .truncated("its pixel data has 11 of the 14 bytes a 13×7 PBM needs")),
    ("invalid-truncated-p1.pbm", .truncated("it has room for at most 78 of the 91 pixels a 13×7 PBM needs")),
    ("invalid-truncated-header-p4.pbm", .truncated("the header ends before the height")),
    (
      "invalid-bad-bit-p1.pbm",
      .invalidHeader("the pixel at x = 1, y = 0 should be 0 (white) or 1 (black), but the file has '2' at byte 9")
    ),
    ("invalid-pam-p7.pam", .unsupportedFeature("the PAM format (P7)")),
  ]

  @Test(arguments: brokenFiles.indices)
  func brokenFileIsRefusedWithItsProblem(index: Int) {
    let (file, problem) = Self.brokenFiles[index]
    let error = #expect(throws: ImageProblem.self) {
      try PNMCodec.decode(PNMFixtures.bytes(file), limits: .standard)
    }
    #expect(error == problem, "\(file)")
  }

  @Test func truncatedPlainFileSaysHowManySamplesItHas() {
    let error = #expect(throws: ImageProblem.self) {
      try PNMCodec.decode(PNMFixtures.bytes("invalid-truncated-p2.pgm"), limits: .standard)
    }
    guard case .truncated(let detail) = error else {
      Issue.record("expected .truncated, got \(String(describing: error))")
      return
    }
    #expect(detail.contains("of the 91 samples"))
  }

  @Test func errorsThroughImageNameTheFile() {
    let path = PNMFixtures.path("invalid-maxval-zero.pgm")
    let error = #expect(throws: ImageDecodingError.self) { try Image(contentsOf: path) }
    #expect(
      error?.description == "\(path): the file breaks its format's rules: the maxval is 0, but it must be 1 to 65535. "
        + "It is damaged or was not written by a proper encoder.")
  }

  @Test func sizeBeyondTheLimitsIsRefusedBeforeReadingSamples() {
    // A header promising 30000 × 30000 pixels with no samples at all.
    let bytes = Array("P6\n30000 30000\n255\n".utf8)
    let error = #expect(throws: ImageProblem.self) {
      try PNMCodec.decode(bytes, limits: DecodingLimits(maximumPixelCount: 1_000_000))
    }
    #expect(error == .tooLarge(width: 30000, height: 30000, limit: 1_000_000))
  }

  @Test(arguments: ["P2\n10000 10000\n255\n0 1 2\n", "P1\n10000 10000\n0 1 1\n", "P4\n10000 10000\n\u{FF}"])
  func hugeImageWithoutDataIsRefusedBeforeAllocating(text: String) {
    let error = #expect(throws: ImageProblem.self) { try PNMCodec.decode(Array(text.utf8), limits: .standard) }
    #expect(error?.description.contains("10000×10000") == true, "\(String(describing: error))")
  }

  @Test func bitmapSizeBeyondTheLimitsIsRefusedBeforeReadingPixels() {
    let error = #expect(throws: ImageProblem.self) {
      try PNMCodec.decode(Array("P4\n30000 30000\n".utf8), limits: DecodingLimits(maximumPixelCount: 1_000_000))
    }
    #expect(error == .tooLarge(width: 30000, height: 30000, limit: 1_000_000))
  }

  @Test func aBitmapCannotBeWrittenAndTheMessageSaysWhatCan() {
    let image = Image(width: 2, height: 1, channels: 1, pixels: [0, 255])
    let error = #expect(throws: ImageProblem.self) { try image.encoded(as: .pbm) }
    #expect(error == .cannotEncode("this program writes PNG, JPEG, PPM and PGM, not PBM"))
  }

  // MARK: - Encoding

  @Test(arguments: [(1, ImageFormat.pgm, "P5"), (3, ImageFormat.ppm, "P6")])
  func encodesBinaryMaxval255AndReadsBack(channels: Int, format: ImageFormat, magic: String) throws {
    let image = Image(
      width: 5, height: 3, channels: channels, pixels: (0..<(15 * channels)).map { UInt8($0 * 17 % 256) })
    let bytes = try image.encoded(as: format)
    let header = Array("\(magic)\n5 3\n255\n".utf8)
    #expect(Array(bytes.prefix(header.count)) == header)
    #expect(Array(bytes.dropFirst(header.count)) == image.pixels)
    #expect(try Image(decoding: bytes) == image)
  }

  @Test func netpbmFixtureSurvivesAReencoding() throws {
    let image = try Image(contentsOf: PNMFixtures.path("p6-maxval255-pillow.ppm"))
    #expect(try image.encoded(as: .ppm) == PNMFixtures.bytes("p6-maxval255-pillow.ppm"))
  }

  @Test(arguments: [(2, ImageFormat.pgm), (3, .pgm), (4, .pgm), (1, .ppm), (2, .ppm), (4, .ppm)])
  func imagesOfOtherChannelCountsAreRefusedWithAdvice(channels: Int, format: ImageFormat) {
    let image = Image(width: 2, height: 2, channels: channels, pixels: Array(repeating: 9, count: 4 * channels))
    let error = #expect(throws: ImageProblem.self) { try image.encoded(as: format) }
    let wanted = format == .pgm ? 1 : 3
    #expect(error?.description.contains("converted(toChannels: \(wanted))") == true)
    #expect(error?.description.contains("has \(channels)") == true)
  }

  @Test func writingToAPPMFileUsesTheCodec() throws {
    let image = Image(width: 3, height: 2, channels: 3, pixels: Array(0..<18))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("pnm-\(UUID()).ppm").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try image.write(to: path)
    #expect(try Image(contentsOf: path) == image)
  }
}
