import Testing
import ZlibCodecsTestSupport

@testable import ImageCodecs

/// Converting samples of the file's bit depth to 8-bit pixels: scaling, tRNS, palettes, and the
/// fast paths against the sample-by-sample reference.
@Suite struct PNGSamplesTests {
  /// An expander for a `width`×1 image of the given kind.
  static func expander(
    _ colorType: PNGHeader.ColorType, depth: Int, width: Int = 4, palette: [UInt8]? = nil,
    transparency: PNGTransparency? = nil
  ) throws -> PNGSampleExpander {
    let header = PNGHeader(width: width, height: 1, bitDepth: depth, colorType: colorType, isInterlaced: false)
    let stream = PNGDatastream(
      header: header, palette: try palette.map { try PNGPalette(parsing: $0[...]) }, transparency: transparency,
      imageData: [])
    return PNGSampleExpander(stream)
  }

  /// Expands one row of `width` pixels to a fresh array.
  static func expand(_ expander: PNGSampleExpander, _ row: [UInt8], width: Int = 4) throws -> [UInt8] {
    var pixels = [UInt8](repeating: 0xEE, count: width * expander.outputChannelCount)
    try expander.expandRow(row, at: 0, pixelCount: width, into: &pixels, firstPixel: 0, pixelStep: 1, rowName: "row 0")
    return pixels
  }

  @Test func subByteSamplesArePackedMostSignificantFirst() {
    #expect(
      (0..<8).map { PNGSampleExpander.packedSample([0b1010_0110], at: 0, index: $0, depth: 1) } == [
        1, 0, 1, 0, 0, 1, 1, 0,
      ])
    #expect((0..<4).map { PNGSampleExpander.packedSample([0b1110_0100], at: 0, index: $0, depth: 2) } == [3, 2, 1, 0])
    #expect((0..<2).map { PNGSampleExpander.packedSample([0xA5], at: 0, index: $0, depth: 4) } == [0xA, 0x5])
    #expect(PNGSampleExpander.packedSample([0x12, 0x34], at: 0, index: 0, depth: 16) == 0x1234)
  }

  @Test func grayIsScaledSoThatWhiteStaysWhite() throws {
    #expect(try Self.expand(Self.expander(.gray, depth: 2), [0b0001_1011]) == [0, 85, 170, 255])
    #expect(try Self.expand(Self.expander(.gray, depth: 4), [0x0F, 0x71]) == [0, 255, 119, 17])
    #expect(try Self.expand(Self.expander(.gray, depth: 1), [0b1001_0000]) == [255, 0, 0, 255])
  }

  @Test func sixteenBitSamplesKeepTheirHighByte() throws {
    let row: [UInt8] = [0x12, 0xFF, 0xAB, 0x00, 0x00, 0x80, 0xFF, 0xFF]
    #expect(try Self.expand(Self.expander(.gray, depth: 16), row) == [0x12, 0xAB, 0x00, 0xFF])
  }

  @Test func transparentGrayIsComparedAtTheFileDepthBeforeScaling() throws {
    let expander = try Self.expander(.gray, depth: 4, transparency: .gray(7))
    #expect(expander.outputChannelCount == 2)
    #expect(try Self.expand(expander, [0x77, 0x87]) == [119, 0, 119, 0, 136, 255, 119, 0])
  }

  @Test func sixteenBitTransparentColourComparesAllSixteenBits() throws {
    let expander = try Self.expander(.rgb, depth: 16, width: 2, transparency: .rgb(0x1234, 0x0000, 0xFFFF))
    let row: [UInt8] = [0x12, 0x34, 0x00, 0x00, 0xFF, 0xFF, 0x12, 0x35, 0x00, 0x00, 0xFF, 0xFF]
    #expect(try Self.expand(expander, row, width: 2) == [0x12, 0x00, 0xFF, 0, 0x12, 0x00, 0xFF, 255])
  }

  @Test func paletteEntriesWithoutTRNSAlphaAreOpaque() throws {
    let palette: [UInt8] = [10, 11, 12, 20, 21, 22, 30, 31, 32]
    let plain = try Self.expander(.palette, depth: 2, palette: palette)
    #expect(plain.outputChannelCount == 3)
    #expect(try Self.expand(plain, [0b0001_1000]) == [10, 11, 12, 20, 21, 22, 30, 31, 32, 10, 11, 12])
    let partial = try Self.expander(.palette, depth: 2, palette: palette, transparency: .palette(alphas: [0, 128]))
    #expect(
      try Self.expand(partial, [0b0001_1000]) == [10, 11, 12, 0, 20, 21, 22, 128, 30, 31, 32, 255, 10, 11, 12, 0])
  }

  @Test func paletteIndexPastTheEndIsAnError() throws {
    let expander = try Self.expander(.palette, depth: 2, palette: [1, 2, 3, 4, 5, 6])
    let error = #expect(throws: ImageProblem.self) { try Self.expand(expander, [0b0001_1000]) }
    #expect(error.map(PNGTestFiles.detail)?.contains("palette index 2 in row 0, column 2") == true)
  }

  @Test func fastPathsMatchSampleBySampleReference() throws {
    var generator = SeededGenerator(state: 7)
    let kinds: [(PNGHeader.ColorType, Int)] = [
      (.gray, 8), (.gray, 16), (.grayAlpha, 8), (.grayAlpha, 16),
      (.rgb, 8), (.rgb, 16), (.rgba, 8), (.rgba, 16),
    ]
    for (colorType, depth) in kinds {
      let width = 5
      let expander = try Self.expander(colorType, depth: depth, width: width)
      let row = (0..<width * depth / 8 * colorType.samplesPerPixel).map { _ in
        UInt8.random(in: 0...255, using: &generator)
      }
      for step in [1, 2] {
        var fast = [UInt8](repeating: 0xEE, count: width * step * expander.outputChannelCount)
        var reference = fast
        try expander.expandRow(row, at: 0, pixelCount: width, into: &fast, firstPixel: 0, pixelStep: step, rowName: "")
        expander.expandRowSampleBySample(
          row, at: 0, pixelCount: width, into: &reference, firstPixel: 0, pixelStep: step)
        #expect(fast == reference, "\(colorType) \(depth)-bit, step \(step)")
      }
    }
  }
}
