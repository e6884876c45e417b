import Testing

@testable import ImageCodecs

/// Byte stuffing, markers, padding and restarts in the entropy-coded data.
@Suite struct JPEGBitReaderTests {
  /// Runs `body` with a reader of `bytes` from the start.
  func withReader<T, E: Error>(_ bytes: [UInt8], _ body: (inout JPEGBitReader) throws(E) -> T) throws(E) -> T {
    try bytes.withUnsafeBufferPointer { (data) throws(E) -> T in
      var reader = JPEGBitReader(data: data, position: 0)
      return try body(&reader)
    }
  }

  @Test func bitsComeMostSignificantFirst() {
    withReader([0b1011_0011, 0b0101_1111]) { reader in
      let value1 = reader.readBits(1)
      #expect(value1 == 1)
      let value2 = reader.readBits(3)
      #expect(value2 == 0b011)
      let value3 = reader.readBits(6)
      #expect(value3 == 0b0011_01)
      let value4 = reader.readBits(6)
      #expect(value4 == 0b01_1111)
      #expect(!reader.hasOverrun)
    }
  }

  @Test func aStuffedFFIsOneDataByte() {
    withReader([0xFF, 0x00, 0x12]) { reader in
      let value5 = reader.readBits(8)
      #expect(value5 == 0xFF)
      let value6 = reader.readBits(8)
      #expect(value6 == 0x12)
      #expect(!reader.hasOverrun)
    }
  }

  @Test func aMarkerEndsTheDataWithZeroBitsAndCountsAnOverrun() {
    withReader([0xAB, 0xFF, 0xD9]) { reader in
      let value7 = reader.readBits(8)
      #expect(value7 == 0xAB)
      #expect(!reader.hasOverrun)
      let value8 = reader.readBits(4)
      #expect(value8 == 0)
      #expect(reader.hasOverrun)
      #expect(!reader.reachedEndOfFile)
      #expect(reader.position == 1)  // the marker is left for the segment reader
    }
  }

  @Test func theEndOfTheFileIsAnOverrunAtTheEndOfTheFile() {
    withReader([0x80]) { reader in
      let value9 = reader.readBits(9)
      #expect(value9 == 0b1_0000_0000)
      #expect(reader.hasOverrun && reader.reachedEndOfFile)
    }
  }

  @Test(arguments: [
    (1, 0, -1), (1, 1, 1), (3, 0b000, -7), (3, 0b011, -4), (3, 0b100, 4), (3, 0b111, 7),
    (11, 0, -2047), (11, 2047, 2047),
  ])
  func signedValuesFollowTheExtendRule(_ size: Int, _ bits: Int, _ value: Int) {
    // T.81 F.2.2.1: a value of `size` bits below 2^(size−1) stands for value − 2^size + 1.
    let shifted = UInt32(bits) << (32 - size)
    let bytes = [24, 16, 8, 0].flatMap { (shift: UInt32) -> [UInt8] in
      let byte = UInt8(truncatingIfNeeded: shifted >> shift)
      return byte == 0xFF ? [byte, 0] : [byte]
    }
    withReader(bytes) { reader in
      let value10 = reader.readSignedValue(size)
      #expect(value10 == value)
    }
  }

  @Test func aRestartDropsTheRestOfTheByteAndSkipsTheMarker() {
    withReader([0b1100_0000, 0xFF, 0xFF, 0xD3, 0x5A]) { reader in
      let value11 = reader.readBits(2)
      #expect(value11 == 0b11)
      let value12 = reader.skipToRestartMarker()
      #expect(value12)
      let value13 = reader.readBits(8)
      #expect(value13 == 0x5A)
      #expect(!reader.hasOverrun)
    }
  }

  @Test func aRestartStopsAtAnyOtherMarker() {
    withReader([0x00, 0xFF, 0xD9]) { reader in
      let found14 = reader.skipToRestartMarker()
      #expect(!found14)
      #expect(reader.position == 1)
    }
  }

  @Test func decodingASymbolUsesTheTable() throws {
    // Codes of table K.3: 110 is category 5, 00 is category 0, 111111110 is category 11.
    let symbols = try withReader([0b1100_0111, 0b1111_1000]) { reader throws(ImageProblem) in
      try (0..<3).map { _ throws(ImageProblem) in try reader.decodeSymbol(with: JPEGHuffmanTableTests.luminanceDC) }
    }
    #expect(symbols == [5, 0, 11])
  }

  @Test func bitsThatAreNoCodeAreCorruptData() {
    // All-ones bits match no code of table K.3 (none is all ones). The reader may not leave
    // the buffer's scope, so the error is caught inside it and returned.
    let problem = withReader([0xFF, 0x00, 0xFF, 0x00]) { reader -> ImageProblem? in
      do throws(ImageProblem) {
        _ = try reader.decodeSymbol(with: JPEGHuffmanTableTests.luminanceDC)
        return nil
      } catch {
        return error
      }
    }
    #expect(problem.map(PNGTestFiles.caseName) == "corruptCompressedData")
  }
}

/// The one-step AC decoding against the two-step one, on T.81's example luminance AC table.
@Suite struct JPEGFastACTests {
  /// T.81's example luminance AC table (K.3.2, table K.5), as the encoder writes it.
  static let luminanceAC = try! JPEGHuffmanTable(
    codeCounts: JPEGStandardTables.luminanceAC.codeCounts, symbols: JPEGStandardTables.luminanceAC.symbols)

  /// Decodes the start of `bytes` both ways: the fast step (nil if it declines) and the two
  /// steps, each with the 16 bits that follow, which match only if both used as many bits.
  static func bothWays(_ bytes: [UInt8]) -> (fast: (run: Int, value: Int, next: Int)?, slow: (Int, Int, Int)) {
    bytes.withUnsafeBufferPointer { data in
      var fastReader = JPEGBitReader(data: data, position: 0)
      let fast = fastReader.decodeFastAC(with: luminanceAC).map { ($0.run, $0.value, fastReader.readBits(16)) }
      var slowReader = JPEGBitReader(data: data, position: 0)
      let symbol = (try? slowReader.decodeSymbol(with: luminanceAC)) ?? -1
      let value = slowReader.readSignedValue(symbol & 15)
      return (fast, (symbol >> 4, value, slowReader.readBits(16)))
    }
  }

  @Test func everyNineBitStartDecodesAlikeBothWays() {
    var fastCount = 0
    for pattern in 0..<512 {
      // The nine bits, then a fixed tail so that longer codes are complete.
      let bytes: [UInt8] = [UInt8(pattern >> 1), UInt8((pattern & 1) << 7 | 0x35), 0xA6, 0x5C, 0x93, 0x2E]
      let (fast, slow) = Self.bothWays(bytes)
      guard let fast else { continue }
      fastCount += 1
      #expect(fast.run == slow.0 && fast.value == slow.1 && fast.next == slow.2, "pattern \(pattern)")
    }
    // Most short codes with small values take the fast step; none of the end-of-block ones do.
    #expect(fastCount > 300)
    let endOfBlock = Self.bothWays([0b1010_0000, 0, 0, 0])  // code 1010 is EOB (symbol 0x00)
    #expect(endOfBlock.fast == nil && endOfBlock.slow.0 == 0)
  }
}
