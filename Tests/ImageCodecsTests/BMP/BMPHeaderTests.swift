import Testing

@testable import ImageCodecs

@Suite struct BMPHeaderTests {
  /// A 2-entry palette: entry 0 red, entry 1 green (stored blue, green, red, reserved).
  static let redGreenPalette: [UInt8] = [0, 0, 255, 0, 0, 255, 0, 0]

  @Test func indexBeyondThePaletteReadsAsBlack() throws {
    // 8-bit, 2 colours used, pixels 0, 1, 2 and 255 (padded to 4 bytes): the last two are beyond it.
    let bytes = BMPFixtures.file(
      width: 4, height: 1, bitsPerPixel: 8, colorsUsed: 2, extra: Self.redGreenPalette, pixelData: [0, 1, 2, 255])
    let image = try BMPDecoder.decode(bytes, limits: .standard)
    #expect(image.pixels == [255, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0])
  }

  @Test func oneBitRowsRunFromTheMostSignificantBitAndArePadded() throws {
    // 10 pixels take 2 bytes, padded to 4; two rows, stored bottom-up.
    let rows: [UInt8] = [0b1000_0000, 0b0100_0000, 0, 0, 0b0000_0001, 0, 0, 0]
    let bytes = BMPFixtures.file(
      width: 10, height: 2, bitsPerPixel: 1, colorsUsed: 2, extra: Self.redGreenPalette, pixelData: rows)
    let image = try BMPDecoder.decode(bytes, limits: .standard)
    // The top row is the second one stored: only pixel 7 is set. The bottom row has pixels 0 and 9.
    let top = (0..<10).flatMap { $0 == 7 ? [0, 255, 0] : [255, 0, 0] as [UInt8] }
    let bottom = (0..<10).flatMap { [0, 9].contains($0) ? [0, 255, 0] : [255, 0, 0] as [UInt8] }
    #expect(image.pixels == top + bottom)
  }

  @Test func alphaBitfieldsAfterAFortyByteHeaderGiveRGBA() throws {
    // BI_ALPHABITFIELDS (6): four masks after the 40-byte header; a 32-bit pixel 0x80_FF_40_20.
    let masks = [0x00FF_0000, 0x0000_FF00, 0x0000_00FF, 0xFF00_0000].flatMap { BMPFixtures.littleEndian($0) }
    let bytes = BMPFixtures.file(
      width: 1, height: 1, bitsPerPixel: 32, compression: 6, extra: masks, pixelData: [0x20, 0x40, 0xFF, 0x80])
    let image = try BMPDecoder.decode(bytes, limits: .standard)
    #expect(image.channels == 4 && image.pixels == [0xFF, 0x40, 0x20, 0x80])
  }

  @Test func bitfieldsInAFortyByteHeaderHaveNoAlpha() throws {
    // BI_BITFIELDS (3) after a 40-byte header: three masks, so the top byte is not alpha (Pillow too).
    let masks = [0x00FF_0000, 0x0000_FF00, 0x0000_00FF].flatMap { BMPFixtures.littleEndian($0) }
    let bytes = BMPFixtures.file(
      width: 1, height: 1, bitsPerPixel: 32, compression: 3, extra: masks, pixelData: [0x20, 0x40, 0xFF, 0x80])
    let image = try BMPDecoder.decode(bytes, limits: .standard)
    #expect(image.channels == 3 && image.pixels == [0xFF, 0x40, 0x20])
  }

  @Test func tenBitMasksScaleByTheFloorRule() throws {
    // 10-10-10 in a V3 header: ⌊v · 255 / 1023⌋ for red 1023, green 512, blue 4; alpha 2 bits = 1 → 85.
    let red: UInt32 = 1023 << 20
    let green: UInt32 = 512 << 10
    let pixel = red | green | 4 | 1 << 30
    var bytes = BMPFixtures.file(
      width: 1, height: 1, bitsPerPixel: 32, compression: 3, infoHeaderSize: 56,
      pixelData: BMPFixtures.littleEndian(pixel))
    for (index, mask) in [0x3FF0_0000, 0x000F_FC00, 0x0000_03FF, 0xC000_0000].enumerated() {
      bytes = BMPFixtures.replacing(bytes, at: 54 + 4 * index, with: UInt32(mask))
    }
    let image = try BMPDecoder.decode(bytes, limits: .standard)
    // ⌊512 · 255 / 1023⌋ = 127, ⌊4 · 255 / 1023⌋ = 0, ⌊1 · 255 / 3⌋ = 85.
    #expect(image.pixels == [255, 127, 0, 85])
  }

  @Test(arguments: [
    (
      BMPFixtures.file(
        width: 1, height: 1, bitsPerPixel: 16, compression: 3,
        extra: [0x0F, 0xF0, 0, 0] + Array(repeating: 0, count: 8),
        pixelData: [0, 0, 0, 0]),
      ImageProblem.unsupportedFeature("a bitfield mask whose bits are not contiguous (0xf00f)")
    ),
    (
      BMPFixtures.file(width: 1, height: 1, bitsPerPixel: 24, compression: 5, pixelData: [0, 0, 0, 0]),
      .unsupportedFeature("a PNG image inside a BMP file")
    ),
    (
      BMPFixtures.file(width: 1, height: 1, bitsPerPixel: 8, compression: 2, pixelData: [0, 1]),
      .invalidHeader("RLE4 compression needs 4 bits per pixel, not 8")
    ),
    (
      BMPFixtures.file(width: 1, height: 1, bitsPerPixel: 8, compression: 3, pixelData: [0, 0, 0, 0]),
      .invalidHeader("bitfields need 16, 24 or 32 bits per pixel, not 8")
    ),
    (
      BMPFixtures.file(width: 1, height: 1, bitsPerPixel: 24, infoHeaderSize: 64, pixelData: [0, 0, 0, 0]),
      .unsupportedFeature("the OS/2 2.x bitmap header (64 bytes)")
    ),
    (
      BMPFixtures.replacing(
        BMPFixtures.file(width: 1, height: 1, bitsPerPixel: 24, pixelData: [0, 0, 0, 0]), at: 10, with: 20),
      .invalidHeader("the pixel data starts at byte 20, inside the headers")
    ),
    (Array("BA".utf8) + Array(repeating: 0, count: 60), .invalidHeader("a BMP file starts with the letters BM")),
    (Array("BM".utf8) + [0, 0], .truncated("the file has 4 bytes, fewer than the 18 of the smallest BMP header")),
  ])
  func malformedHeaderIsRefused(bytes: [UInt8], problem: ImageProblem) {
    let error = #expect(throws: ImageProblem.self) { try BMPHeader(parsing: bytes) }
    #expect(error == problem)
  }

  @Test func runLengthMovesSkipToPaletteEntryZero() throws {
    // RLE8, 3 × 2: a run of two 1s, a move 1 right and 1 up, end of bitmap; skipped pixels get index 0.
    let data: [UInt8] = [2, 1, 0, 2, 1, 1, 0, 1]
    let bytes = BMPFixtures.file(
      width: 3, height: 2, bitsPerPixel: 8, compression: 1, colorsUsed: 2, extra: Self.redGreenPalette,
      pixelData: data)
    let image = try BMPDecoder.decode(bytes, limits: .standard)
    let red: [UInt8] = [255, 0, 0]
    let green: [UInt8] = [0, 255, 0]
    #expect(image.pixels == red + red + red + green + green + red)
  }

  @Test func infoNeedsOnlyTheHeaders() throws {
    let bytes = BMPFixtures.file(width: 640, height: -427, bitsPerPixel: 24, pixelData: [])
    #expect(
      try BMPDecoder.info(bytes)
        == ImageInfo(format: .bmp, width: 640, height: 427, channels: 3, bitDepth: 24, details: "BGR, top-down"))
  }
}
