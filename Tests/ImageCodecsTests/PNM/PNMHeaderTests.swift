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
    ("", ImageProblem.invalidHeader("a PBM, PGM or PPM file starts with P1 to P6")),
    ("P9\n", .invalidHeader("a PBM, PGM or PPM file starts with P1 to P6, not P9")),
    ("P4 13", .truncated("the header ends before the height")),
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

  @Test func aBitmapHasNoMaxvalAndItsPixelsStartAfterOneWhitespaceByte() throws {
    // The raster may start with bytes that look like whitespace: 0x0A 0x20 are pixels here.
    let bytes = Array("P4\n8 2\n".utf8) + [0x0A, 0x20]
    let header = try PNMHeader(parsing: bytes)
    #expect(header.maxval == 1 && header.rasterStart == bytes.count - 2)
    // 0x0A = 0000 1010 and 0x20 = 0010 0000, 1 for black (0) and 0 for white (255).
    let w: UInt8 = 255
    #expect(try PNMCodec.decode(bytes, limits: .standard).pixels == [w, w, w, w, 0, w, 0, w, w, w, 0, w, w, w, w, w])
  }

  @Test func rawBitmapRowsArePaddedToWholeBytesAndThePaddingIsIgnored() throws {
    // 10 columns: 2 bytes a row, the last 6 bits of each row padding (set here, and ignored).
    let bytes = Array("P4 10 2\n".utf8) + [0b1000_0000, 0b0111_1111, 0b0000_0000, 0b1111_1111]
    let w: UInt8 = 255
    let expected: [UInt8] = [0, w, w, w, w, w, w, w, w, 0] + [w, w, w, w, w, w, w, w, 0, 0]
    #expect(try PNMCodec.decode(bytes, limits: .standard).pixels == expected)
  }

  @Test func plainBitmapBitsNeedNoSpacesAndMayHoldComments() throws {
    let bytes = Array("P1 4 2\n01# a comment 1111\n10\r\n0 0 0\t1".utf8)
    #expect(try PNMCodec.decode(bytes, limits: .standard).pixels == [255, 0, 0, 255, 255, 255, 255, 0])
  }

  @Test func infoNeedsOnlyTheHeader() throws {
    let info = try PNMCodec.info(Array("P3\n640 427\n1000\n".utf8))
    #expect(
      info
        == ImageInfo(
          format: .ppm, width: 640, height: 427, channels: 3, bitDepth: 16, details: "plain (ASCII) P3, maxval 1000"))
    #expect(
      try PNMCodec.info(Array("P4\n640 427\n".utf8))
        == ImageInfo(format: .pbm, width: 640, height: 427, channels: 1, bitDepth: 1, details: "binary P4"))
  }
}
