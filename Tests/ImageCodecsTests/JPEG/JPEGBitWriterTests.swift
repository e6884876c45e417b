import Testing

@testable import ImageCodecs

/// Bit packing, byte stuffing and padding of entropy-coded data.
@Suite struct JPEGBitWriterTests {
  @Test func bitsArePackedFromTheMostSignificantEnd() {
    var writer = JPEGBitWriter()
    writer.write(0b101, count: 3)
    writer.write(0b00110, count: 5)
    writer.write(0xABC, count: 12)
    writer.padToByte()
    #expect(writer.bytes == [0b1010_0110, 0xAB, 0xCF])
  }

  @Test func everyFFByteIsFollowedByAStuffedZero() {
    var writer = JPEGBitWriter()
    writer.write(0xFF, count: 8)
    writer.write(0b1111, count: 4)
    writer.write(0b1111_0001, count: 8)
    writer.padToByte()
    #expect(writer.bytes == [0xFF, 0x00, 0xFF, 0x00, 0x1F])
  }

  @Test func paddingWithOnesThatMakesFFIsStuffedToo() {
    var writer = JPEGBitWriter()
    writer.write(0b1, count: 1)
    writer.padToByte()
    #expect(writer.bytes == [0xFF, 0x00])
  }
}
