extension Inflate {
  /// Decodes the blocks of one DEFLATE stream (RFC 1951, section 3.2.3) into a growing output
  /// buffer, which doubles as the window that back-references copy from.
  ///
  /// Every loop here either consumes input bits or produces output bytes, and output is capped,
  /// so decoding ends on any input: a block header is at least 3 bits, a stored block at least
  /// 4 bytes, and every Huffman code at least 1 bit.
  struct BlockDecoder {
    /// The compressed input.
    var reader: BitReader
    /// The decompressed output.
    private var window: OutputWindow

    /// Creates a decoder for the DEFLATE data that starts at `input[start]`.
    init(input: [UInt8], startingAt start: Int, maximumOutputCount: Int) {
      self.reader = BitReader(input, startingAt: start)
      // A first guess that suits PNG data, which rarely compresses by more than 4:1.
      self.window = OutputWindow(limit: maximumOutputCount, initialCapacity: (input.count - start) * 4 + 1024)
    }

    /// Decodes blocks until the one marked last has ended.
    mutating func decodeAllBlocks() throws(InflateError) {
      var isLastBlock = false
      while !isLastBlock {
        isLastBlock = try reader.readBits(1) == 1
        switch try reader.readBits(2) {
        case 0:
          try copyStoredBlock()
        case 1:
          try decodeHuffmanBlock(literals: Inflate.fixedLiteralTable, distances: Inflate.fixedDistanceTable)
        case 2:
          let (literals, distances) = try Inflate.readDynamicTables(&reader)
          try decodeHuffmanBlock(literals: literals, distances: distances)
        default:
          throw .corrupt("a block of type 3, which DEFLATE reserves (only 0, 1 and 2 exist)")
        }
      }
    }

    /// Returns the decompressed bytes.
    mutating func finishedOutput() -> [UInt8] {
      let result = window
      window = OutputWindow(limit: 0, initialCapacity: 0)
      return result.finished()
    }

    // MARK: - Blocks

    /// Copies a stored block (type 0): after the byte boundary, LEN and its complement NLEN as
    /// 16-bit little-endian numbers, then LEN bytes as they are.
    private mutating func copyStoredBlock() throws(InflateError) {
      reader.alignToByte()
      let header = try reader.readAlignedBytes(4)
      let length = Int(header[header.startIndex]) | Int(header[header.startIndex + 1]) << 8
      let complement = Int(header[header.startIndex + 2]) | Int(header[header.startIndex + 3]) << 8
      guard length ^ complement == 0xFFFF else {
        throw .corrupt(
          "a stored block whose length \(length) does not match its complement \(complement ^ 0xFFFF)")
      }
      try window.append(contentsOf: try reader.readAlignedBytes(length))
    }

    /// Decodes a Huffman-coded block (type 1 or 2) up to its end-of-block symbol: literals are
    /// copied out, and length/distance pairs repeat earlier output.
    private mutating func decodeHuffmanBlock(literals: HuffmanTable, distances: HuffmanTable) throws(InflateError) {
      while true {
        // 48 bits cover the longest pair: 15 + 5 extra bits of length, 15 + 13 of distance.
        if reader.bufferedBitCount < 48 { reader.refill() }
        let symbol = try literals.decode(&reader)
        if symbol < 256 {
          try window.append(UInt8(truncatingIfNeeded: symbol))
          continue
        }
        if symbol == 256 { return }

        let lengthIndex = symbol - 257
        guard lengthIndex < DeflateAlphabet.lengthBases.count else {
          throw .corrupt("an invalid length code \(symbol) (the largest is 285)")
        }
        let length =
          DeflateAlphabet.lengthBases[lengthIndex] + (try reader.readBits(DeflateAlphabet.lengthExtraBits[lengthIndex]))
        let distanceSymbol = try distances.decode(&reader)
        guard distanceSymbol < DeflateAlphabet.distanceBases.count else {
          throw .corrupt("an invalid distance code \(distanceSymbol) (the largest is 29)")
        }
        let distance =
          DeflateAlphabet.distanceBases[distanceSymbol]
          + (try reader.readBits(DeflateAlphabet.distanceExtraBits[distanceSymbol]))
        try window.copyMatch(length: length, distance: distance)
      }
    }
  }
}
