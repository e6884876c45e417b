import Testing

@testable import ImageCodecs

/// Decoding valid files: PngSuite, and files written by pypng, Pillow and libpng (through
/// ImageMagick and OptiPNG), each compared with the pixels two reference decoders agree on (see
/// `Fixtures/png/README.md`).
@Suite struct PNGDecoderTests {
  @Test(arguments: PNGFixtures.expected)
  func decodesFixtureToTheReferencePixels(_ fixture: PNGFixtures.Expected) throws {
    let image = try PNGDecoder.decode(PNGFixtures.bytes(fixture.file), limits: .standard)
    #expect(image.width == fixture.width)
    #expect(image.height == fixture.height)
    #expect(image.channels == fixture.channels)
    let expected = PNGFixtures.expectedPixels(fixture)
    try #require(image.pixels.count == expected.count)
    if let index = expected.indices.first(where: { image.pixels[$0] != expected[$0] }) {
      let pixel = index / fixture.channels
      Issue.record(
        """
        First difference at x \(pixel % fixture.width), y \(pixel / fixture.width), channel \
        \(index % fixture.channels): decoded \(image.pixels[index]), expected \(expected[index])
        """)
    }
  }

  @Test(arguments: PNGFixtures.expected)
  func infoDescribesWhatDecodeProduces(_ fixture: PNGFixtures.Expected) throws {
    let info = try PNGDecoder.info(PNGFixtures.bytes(fixture.file))
    #expect(info.format == .png)
    #expect(info.width == fixture.width)
    #expect(info.height == fixture.height)
    #expect(info.channels == fixture.channels)
    #expect(info.bitDepth == fixture.bitDepth)
    #expect(info.details.contains("interlaced") == fixture.interlaced)
  }

  @Test func infoDetailsNameColourTypeDepthAndInterlacing() throws {
    let palette = try PNGDecoder.info(PNGFixtures.bytes("pngsuite/basi3p08.png"))
    #expect(palette.details == "palette, interlaced")
    let rgba16 = try PNGDecoder.info(PNGFixtures.bytes("pngsuite/basn6a16.png"))
    #expect(rgba16.details == "RGBA, 16-bit")
    let transparentGray = try PNGDecoder.info(PNGFixtures.bytes("pngsuite/tbbn1g04.png"))
    #expect(transparentGray.details == "gray, 4-bit, tRNS transparency")
    #expect(transparentGray.channels == 2)
  }

  @Test func decodesThroughImageContentsOfPath() throws {
    let image = try Image(contentsOf: PNGFixtures.path("pngsuite/basn2c08.png"))
    #expect((image.width, image.height, image.channels) == (32, 32, 3))
    let info = try Image.info(contentsOf: PNGFixtures.path("pngsuite/basn2c08.png"))
    #expect(info.format == .png)
  }

  @Test func interlacedAndPlainFilesOfTheSameImageDecodeAlike() throws {
    for (plain, interlaced) in [("basn0g01", "basi0g01"), ("basn2c16", "basi2c16"), ("basn6a08", "basi6a08")] {
      let a = try PNGDecoder.decode(PNGFixtures.bytes("pngsuite/\(plain).png"), limits: .standard)
      let b = try PNGDecoder.decode(PNGFixtures.bytes("pngsuite/\(interlaced).png"), limits: .standard)
      #expect(a == b, "\(plain) and \(interlaced)")
    }
  }

  @Test func limitsRefuseAnImageBeforeDecodingIt() throws {
    let bytes = PNGFixtures.bytes("pngsuite/basn0g08.png")  // 32×32
    let error = #expect(throws: ImageProblem.self) {
      try PNGDecoder.decode(bytes, limits: DecodingLimits(maximumPixelCount: 1000))
    }
    #expect(error == .tooLarge(width: 32, height: 32, limit: 1000))
    #expect(try PNGDecoder.decode(bytes, limits: DecodingLimits(maximumPixelCount: 1024)).width == 32)
  }
}
