import Testing

@testable import ZlibCodecs

@Suite struct DeflateBitWriterTests {
  @Test func bitsFillEachByteFromTheLowestBit() {
    var writer = Deflate.BitWriter()
    writer.write(1, bitCount: 1)  // BFINAL
    writer.write(0b10, bitCount: 2)  // BTYPE = 2
    writer.write(0b11111, bitCount: 5)
    writer.write(0x1234, bitCount: 16)
    #expect(writer.finish() == [0b1111_1101, 0x34, 0x12])
  }

  @Test func alignmentPadsWithZerosAndCountsBits() {
    var writer = Deflate.BitWriter()
    writer.write(0b101, bitCount: 3)
    #expect(writer.bitCount == 3)
    writer.alignToByte()
    #expect(writer.bitCount == 8)
    writer.append(contentsOf: [0xAB, 0xCD][...])
    writer.write(0xFFFF_FFFF, bitCount: 32)
    #expect(writer.finish() == [0b101, 0xAB, 0xCD, 0xFF, 0xFF, 0xFF, 0xFF])
  }

  @Test func finishingPadsTheLastByte() {
    var writer = Deflate.BitWriter()
    writer.write(0b1, bitCount: 1)
    writer.write(0, bitCount: 0)
    #expect(writer.finish() == [1])
  }
}
