import Testing

@testable import ImageCodecs

@Suite struct PNMHeaderTests {
  @Test func fieldsMaySitBetweenCommentsAndAnyWhitespace() throws {
    // VT (0x0B) and FF (0x0C) count as whitespace here, as in Pillow; Netpbm 11 refuses them.
    let bytes =
      Array("P5 #magic\n# comment line\r\n\t4\u{0B}\u{0C}2 # two rows\n  255\n".utf8) + Array(repeating: 0, count: 8)
    let header = try PNMHeader(parsing: bytes)
    #expect(header.kind == 5 && header.width == 4 && header.height == 2 && header.maxval == 255)
    #expect(header.rasterStart == bytes.count - 8)
  }

  @Test func commentRightAfterMaxvalEndsTheHeaderAtItsLineEnd() throws {
    let bytes = Array("P6\n1 1\n255# last\n".utf8) + [1, 2, 3]
    let header = try PNMHeader(parsing: bytes)
    #expect(header.rasterStart == bytes.count - 3)
  }

  @Test func onlyOneWhitespaceByteFollowsMaxval() throws {
    // The raster may start with bytes that look like whitespace: 0x0A 0x20 are samples here.
    let bytes = Array("P5\n2 1\n255\n".utf8) + [0x0A, 0x20]
    #expect(try PNMCodec.decode(bytes, limits: .standard).pixels == [0x0A, 0x20])
  }

  @Test func binaryTwoByteSamplesAreBigEndian() throws {
    // 0x0101 = 257 of 65535 is 1 of 255; 0xFFFF is 255; 0x8000 = 32768 → (32768·255 + 32767) / 65535 = 128.
    let bytes = Array("P5\n3 1\n65535\n".utf8) + [0x01, 0x01, 0xFF, 0xFF, 0x80, 0x00]
    #expect(try PNMCodec.decode(bytes, limits: .standard).pixels == [1, 255, 128])
  }

  @Test func plainSamplesNeedNoTrailingNewline() throws {
    #expect(try PNMCodec.decode(Array("P2 2 1 9 0 9".utf8), limits: .standard).pixels == [0, 255])
  }

  @Test func scalingFollowsNetpbmOnHalves() throws {
    // (s·255 + ⌊m/2⌋) / m: maxval 6 sends 1 to 258/6 = 43; maxval 2 sends 1 to 256/2 = 128.
    func table(maxval: Int) throws -> [UInt8] { try PNMHeader(parsing: Array("P5 1 1 \(maxval) ".utf8)).scalingTable() }
    #expect(try table(maxval: 6) == [0, 43, 85, 128, 170, 213, 255])
    #expect(try table(maxval: 2) == [0, 128, 255])
    #expect(try table(maxval: 255) == (0...255).map { UInt8($0) })
  }

  @Test(arguments: [
    ("", ImageProblem.invalidHeader("a PGM or PPM file starts with P2, P3, P5 or P6")),
    ("P9\n", .invalidHeader("a PGM or PPM file starts with P2, P3, P5 or P6, not P9")),
    ("P5x1 1 255\n", .invalidHeader("the magic number P5 must be followed by whitespace")),
    ("PF\n1 1\n-1\n", .unsupportedFeature("the floating-point PFM format")),
    ("P5 1 1 255", .truncated("the file ends right after the header")),
    ("P5 1 # no height\n", .truncated("the header ends before the height")),
    (
      "P5 1 1 1234567890 ",
      .invalidHeader("the maxval should be a number of up to 9 digits, but the header has '1234567890' at byte 7")
    ),
    (
      "P5 -1 1 255 ",
      .invalidHeader("the width should be a number of up to 9 digits, but the header has '-1' at byte 3")
    ),
  ])
  func malformedHeaderIsRefused(text: String, problem: ImageProblem) {
    let error = #expect(throws: ImageProblem.self) { try PNMHeader(parsing: Array(text.utf8)) }
    #expect(error == problem)
  }

  @Test func infoNeedsOnlyTheHeader() throws {
    let info = try PNMCodec.info(Array("P3\n640 427\n1000\n".utf8))
    #expect(
      info
        == ImageInfo(
          format: .ppm, width: 640, height: 427, channels: 3, bitDepth: 16, details: "plain (ASCII) P3, maxval 1000"))
  }
}
