import Testing

@testable import ImageCodecs

@Suite struct BMPBitfieldsTests {
  /// What Pillow 13 decodes each 5-bit value of a 5-6-5 file to (red channel, values 0…31).
  static let pillowFiveBit: [UInt8] = [
    0, 8, 16, 24, 32, 41, 49, 57, 65, 74, 82, 90, 98, 106, 115, 123,
    131, 139, 148, 156, 164, 172, 180, 189, 197, 205, 213, 222, 230, 238, 246, 255,
  ]

  @Test func fiveBitChannelsMatchPillowOnEveryValue() throws {
    let red = try #require(BMPChannelMask(0xF800))
    #expect((0..<32).map { red.sample(of: UInt32($0) << 11) } == Self.pillowFiveBit)
  }

  @Test func sixBitChannelsFollowTheFloorRule() throws {
    let green = try #require(BMPChannelMask(0x07E0))
    let decoded = (0..<64).map { green.sample(of: UInt32($0) << 5) }
    let floorRule = (0..<64).map { UInt8($0 * 255 / 63) }
    #expect(decoded == floorRule)
    // Pillow gives 44 for value 11 (44.5 rounded down) and 129 for 32.
    #expect(green.sample(of: 11 << 5) == 44 && green.sample(of: 32 << 5) == 129)
  }

  @Test(arguments: [0x0000_0000, 0x0000_0001, 0x0000_7C00, 0xFF00_0000, 0xFFFF_FFFF] as [UInt32])
  func contiguousMasksAreAccepted(mask: UInt32) throws {
    let channel = try #require(BMPChannelMask(mask))
    #expect(channel.bitCount == mask.nonzeroBitCount)
    #expect(channel.sample(of: mask) == (mask == 0 ? 0 : 255))
  }

  @Test(arguments: [0x0000_0005, 0xF00F, 0x8000_0001] as [UInt32])
  func maskWithAGapIsRefused(mask: UInt32) {
    #expect(BMPChannelMask(mask) == nil)
  }

  @Test func impliedMasksAreFiveFiveFiveAndBGR() {
    #expect(BMPBitfields.implied(bitsPerPixel: 16).widths == "5-5-5")
    #expect(BMPBitfields.implied(bitsPerPixel: 32).widths == "8-8-8")
    #expect(!BMPBitfields.implied(bitsPerPixel: 32).hasAlpha)
  }
}
