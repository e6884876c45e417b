import Testing

@testable import ImageCodecs

/// Reading IHDR, and the sizes derived from it.
@Suite struct PNGHeaderTests {
  /// The 13 IHDR bytes for these fields.
  static func ihdr(_ width: UInt32, _ height: UInt32, _ depth: UInt8, _ colour: UInt8, interlace: UInt8 = 0) -> [UInt8]
  {
    PNGTestFiles.bigEndian(width) + PNGTestFiles.bigEndian(height) + [depth, colour, 0, 0, interlace]
  }

  @Test func readsEveryField() throws {
    let header = try PNGHeader(parsing: Self.ihdr(640, 427, 16, 6, interlace: 1)[...])
    #expect(header == PNGHeader(width: 640, height: 427, bitDepth: 16, colorType: .rgba, isInterlaced: true))
  }

  @Test func everyAllowedCombinationIsAccepted() throws {
    let allowed: [UInt8: [UInt8]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
    for colour in UInt8(0)...7 {
      for depth in [UInt8(0), 1, 2, 3, 4, 8, 16, 32] {
        let isAllowed = allowed[colour]?.contains(depth) ?? false
        let result = Result { () throws(ImageProblem) in try PNGHeader(parsing: Self.ihdr(1, 1, depth, colour)[...]) }
        let isAccepted = (try? result.get()) != nil
        #expect(isAccepted == isAllowed, "colour type \(colour), depth \(depth)")
      }
    }
  }

  @Test func wrongLengthIsRefused() {
    let error = #expect(throws: ImageProblem.self) { try PNGHeader(parsing: Self.ihdr(1, 1, 8, 0).dropLast()) }
    #expect(error == .invalidHeader("the IHDR chunk holds 12 bytes instead of 13"))
  }

  @Test func bytesPerRowAndFilterStride() {
    let gray1 = PNGHeader(width: 13, height: 1, bitDepth: 1, colorType: .gray, isInterlaced: false)
    #expect(gray1.bytesPerRow(pixelCount: 13) == 2)
    #expect(gray1.filterStride == 1)
    let rgb16 = PNGHeader(width: 3, height: 1, bitDepth: 16, colorType: .rgb, isInterlaced: false)
    #expect(rgb16.bytesPerRow(pixelCount: 3) == 18)
    #expect(rgb16.filterStride == 6)
    let palette4 = PNGHeader(width: 3, height: 1, bitDepth: 4, colorType: .palette, isInterlaced: false)
    #expect(palette4.bytesPerRow(pixelCount: 3) == 2)
    #expect(palette4.filterStride == 1)
  }
}
