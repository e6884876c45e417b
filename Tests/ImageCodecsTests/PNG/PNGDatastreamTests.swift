import Testing

@testable import ImageCodecs

/// The order and presence rules for chunks, checked on small files built in memory.
@Suite struct PNGDatastreamTests {
  /// IHDR of a 1×1 image of the given kind.
  static func header(depth: UInt8 = 8, colour: UInt8) -> [UInt8] {
    PNGTestFiles.chunk("IHDR", PNGTestFiles.bigEndian(1) + PNGTestFiles.bigEndian(1) + [depth, colour, 0, 0, 0])
  }

  /// A 1×1 image's data: a zlib stream (Python's `zlib.compress(b'\0\0')`) of one scanline of
  /// filter type 0 and one zero byte.
  static let imageData = PNGTestFiles.chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
  /// The IEND chunk.
  static let end = PNGTestFiles.chunk("IEND", [])

  /// Parses a file made of the signature and `chunks`.
  static func parse(_ chunks: [UInt8]...) throws(ImageProblem) -> PNGDatastream {
    try PNGDatastream(parsing: PNGChunkReader.signature + chunks.flatMap { $0 })
  }

  @Test func aMinimalFileParsesAndDecodes() throws {
    let stream = try Self.parse(Self.header(colour: 0), Self.imageData, Self.end)
    #expect(stream.imageData.count == 1)
    let bytes = PNGChunkReader.signature + Self.header(colour: 0) + Self.imageData + Self.end
    #expect(try PNGDecoder.decode(bytes, limits: .standard) == Image(width: 1, height: 1, channels: 1, pixels: [0]))
  }

  @Test func tRNSAfterTheImageDataIsIgnored() throws {
    let late = try Self.parse(Self.header(colour: 0), Self.imageData, PNGTestFiles.chunk("tRNS", [0, 0]), Self.end)
    #expect(late.transparency == nil)
    let early = try Self.parse(Self.header(colour: 0), PNGTestFiles.chunk("tRNS", [0, 0]), Self.imageData, Self.end)
    #expect(early.transparency == .gray(0))
    #expect(early.outputChannelCount == 2)
  }

  @Test func paletteRulesAreEnforced() {
    let palette = PNGTestFiles.chunk("PLTE", [1, 2, 3])
    let inGray = #expect(throws: ImageProblem.self) {
      try Self.parse(Self.header(colour: 0), palette, Self.imageData, Self.end)
    }
    #expect(inGray.map(PNGTestFiles.detail)?.contains("a PLTE chunk in a gray image") == true)
    let twice = #expect(throws: ImageProblem.self) {
      try Self.parse(Self.header(colour: 3), palette, palette, Self.imageData, Self.end)
    }
    #expect(twice.map(PNGTestFiles.detail)?.contains("a second PLTE chunk") == true)
    let late = #expect(throws: ImageProblem.self) {
      try Self.parse(Self.header(colour: 2), Self.imageData, palette, Self.end)
    }
    #expect(late.map(PNGTestFiles.detail)?.contains("the PLTE chunk comes after IDAT") == true)
  }

  @Test func infoStopsAtTheFirstImageData() throws {
    // The file is cut inside its IDAT chunk, which `info` never reads.
    let bytes = PNGChunkReader.signature + Self.header(colour: 6) + Self.imageData.prefix(12)
    let info = try PNGDecoder.info(bytes)
    #expect((info.width, info.height, info.channels, info.details) == (1, 1, 4, "RGBA"))
  }
}
