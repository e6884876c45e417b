import Testing

@testable import ImageCodecs

/// Reading PLTE chunks: 1 to 256 entries of three bytes.
@Suite struct PNGPaletteTests {
  @Test func readsEntries() throws {
    let palette = try PNGPalette(parsing: [1, 2, 3, 4, 5, 6][...])
    #expect(palette.count == 2)
    #expect(palette.rgb == [1, 2, 3, 4, 5, 6])
    #expect(try PNGPalette(parsing: [UInt8](repeating: 9, count: 768)[...]).count == 256)
  }

  @Test func wrongLengthsAreRefused() {
    for length in [0, 2, 4, 771] {
      let error = #expect(throws: ImageProblem.self) {
        try PNGPalette(parsing: [UInt8](repeating: 0, count: length)[...])
      }
      #expect(error.map(PNGTestFiles.detail)?.contains("holds \(length) bytes") == true)
    }
  }
}
