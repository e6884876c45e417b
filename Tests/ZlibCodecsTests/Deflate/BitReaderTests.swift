import Testing

@testable import ZlibCodecs

/// Reading bits in DEFLATE's order, and stopping cleanly at the end of the input.
@Suite struct BitReaderTests {
  @Test func fieldsAreReadLowestBitFirstAcrossBytes() throws {
    var reader = Inflate.BitReader([0b1011_0100, 0b0000_0001])
    #expect(try reader.readBits(3) == 0b100)
    #expect(try reader.readBits(4) == 0b0110)
    #expect(try reader.readBits(2) == 0b11)  // the top bit of byte 0, then the low bit of byte 1
    #expect(try reader.readBits(7) == 0)
  }

  @Test func peekSeesZerosPastTheEndButConsumeThrows() throws {
    var reader = Inflate.BitReader([0xFF])
    reader.refill()
    #expect(reader.peek(12) == 0xFF)
    let error = #expect(throws: InflateError.self) { try reader.consume(9) }
    #expect(error?.caseName == "truncated")
    try reader.consume(8)
    #expect(throws: InflateError.self) { try reader.readBits(1) }
  }

  @Test func aligningHandsBackWholeBufferedBytes() throws {
    var reader = Inflate.BitReader([0xAB, 0x01, 0x02, 0x03, 0x04], startingAt: 0)
    #expect(try reader.readBits(3) == 0b011)  // the refill buffered all five bytes
    reader.alignToByte()
    #expect(Array(try reader.readAlignedBytes(2)) == [0x01, 0x02])
    #expect(reader.nextByte == 3)
    #expect(throws: InflateError.self) { try reader.readAlignedBytes(3) }
    #expect(Array(try reader.readAlignedBytes(2)) == [0x03, 0x04])
  }

  @Test func readsStartAtTheGivenByte() throws {
    var reader = Inflate.BitReader([0xFF, 0x0F], startingAt: 1)
    #expect(try reader.readBits(8) == 0x0F)
  }
}
