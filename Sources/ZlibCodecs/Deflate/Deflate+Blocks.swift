// Writing one DEFLATE block (RFC 1951, section 3.2.3) in the cheapest of its three forms.
//
// For each block the encoder counts the symbols, builds the dynamic codes, and works out the
// exact size in bits of all three forms before writing one:
// - stored: 3 header bits, padding to a byte, 4 bytes of length, then the bytes as they are
//   (one stored block per 65535 bytes);
// - fixed: 3 header bits, then each symbol in the code RFC 1951 fixes once and for all;
// - dynamic: 3 header bits, the code description (`DynamicBlockHeader`), then each symbol in
//   codes built from this block's own symbol counts.
// Random bytes come out stored, short or unusual blocks fixed, and nearly everything else dynamic.

extension Deflate {
  /// The fixed literal/length code of RFC 1951, section 3.2.6.
  static let fixedLiteralLengthCode = HuffmanCode(lengths: fixedLiteralLengthCodeLengths)
  /// The fixed distance code: every distance symbol in 5 bits.
  static let fixedDistanceCode = HuffmanCode(lengths: fixedDistanceCodeLengths)

  /// Writes `tokens`, which spell `input`, as one block (or several stored blocks), whichever
  /// form takes the fewest bits. `isFinal` marks the last block of the stream.
  static func writeBlock(
    _ tokens: ArraySlice<Token>, input: ArraySlice<UInt8>, isFinal: Bool, to writer: inout BitWriter
  ) {
    var literalLengthCounts = [Int](repeating: 0, count: literalLengthSymbolCount)
    var distanceCounts = [Int](repeating: 0, count: distanceSymbolCount)
    var extraBitCount = 0
    for token in tokens {
      if token.isLiteral {
        literalLengthCounts[Int(token.value)] += 1
      } else {
        let lengthIndex = Int(lengthSymbolIndex[Int(token.length)])
        let distanceSymbol = distanceSymbol(Int(token.value))
        literalLengthCounts[257 + lengthIndex] += 1
        distanceCounts[distanceSymbol] += 1
        extraBitCount +=
          DeflateAlphabet.lengthExtraBits[lengthIndex] + DeflateAlphabet.distanceExtraBits[distanceSymbol]
      }
    }
    literalLengthCounts[endOfBlock] = 1

    let literalLengthCode = HuffmanCode(frequencies: literalLengthCounts, limit: maximumCodeLength)
    let distanceCode = HuffmanCode(frequencies: distanceCounts, limit: maximumCodeLength)
    let header = DynamicBlockHeader(
      literalLengthLengths: literalLengthCode.lengths, distanceLengths: distanceCode.lengths)

    let dynamicBits =
      3 + header.bitCount + literalLengthCode.bitCount(for: literalLengthCounts)
      + distanceCode.bitCount(for: distanceCounts) + extraBitCount
    let fixedBits =
      3 + fixedLiteralLengthCode.bitCount(for: literalLengthCounts)
      + fixedDistanceCode.bitCount(for: distanceCounts) + extraBitCount
    let storedBits = storedBitCount(byteCount: input.count, startingAtBit: writer.bitCount)

    if storedBits < min(fixedBits, dynamicBits) {
      writeStoredBlocks(input, isFinal: isFinal, to: &writer)
    } else if fixedBits <= dynamicBits {
      writer.write(isFinal ? 1 : 0, bitCount: 1)
      writer.write(0b01, bitCount: 2)
      writeSymbols(tokens, literalLengthCode: fixedLiteralLengthCode, distanceCode: fixedDistanceCode, to: &writer)
    } else {
      writer.write(isFinal ? 1 : 0, bitCount: 1)
      writer.write(0b10, bitCount: 2)
      header.write(to: &writer)
      writeSymbols(tokens, literalLengthCode: literalLengthCode, distanceCode: distanceCode, to: &writer)
    }
  }

  /// Writes each token in the given codes, then the end-of-block symbol.
  static func writeSymbols(
    _ tokens: ArraySlice<Token>, literalLengthCode: HuffmanCode, distanceCode: HuffmanCode,
    to writer: inout BitWriter
  ) {
    for token in tokens {
      if token.isLiteral {
        let symbol = Int(token.value)
        writer.write(literalLengthCode.reversedCodes[symbol], bitCount: literalLengthCode.lengths[symbol])
        continue
      }
      let length = Int(token.length)
      let lengthIndex = Int(lengthSymbolIndex[length])
      writer.write(
        literalLengthCode.reversedCodes[257 + lengthIndex], bitCount: literalLengthCode.lengths[257 + lengthIndex])
      writer.write(
        UInt32(length - DeflateAlphabet.lengthBases[lengthIndex]),
        bitCount: DeflateAlphabet.lengthExtraBits[lengthIndex])
      let distance = Int(token.value)
      let distanceSymbol = distanceSymbol(distance)
      writer.write(distanceCode.reversedCodes[distanceSymbol], bitCount: distanceCode.lengths[distanceSymbol])
      writer.write(
        UInt32(distance - DeflateAlphabet.distanceBases[distanceSymbol]),
        bitCount: DeflateAlphabet.distanceExtraBits[distanceSymbol])
    }
    writer.write(literalLengthCode.reversedCodes[endOfBlock], bitCount: literalLengthCode.lengths[endOfBlock])
  }

  /// Writes `input` as stored blocks of at most 65535 bytes each (one empty block if `input` is
  /// empty); only the last one carries `isFinal`.
  static func writeStoredBlocks(_ input: ArraySlice<UInt8>, isFinal: Bool, to writer: inout BitWriter) {
    var start = input.startIndex
    repeat {
      let end = min(start + storedBlockCapacity, input.endIndex)
      writer.write(isFinal && end == input.endIndex ? 1 : 0, bitCount: 1)
      writer.write(0b00, bitCount: 2)
      writer.alignToByte()
      let length = UInt32(end - start)
      writer.write(length, bitCount: 16)
      writer.write(~length & 0xFFFF, bitCount: 16)
      writer.append(contentsOf: input[start..<end])
      start = end
    } while start < input.endIndex
  }

  /// The bits that `writeStoredBlocks` would take for `byteCount` bytes when the writer has
  /// already written `bitsSoFar` bits (which decides the first block's padding).
  static func storedBitCount(byteCount: Int, startingAtBit bitsSoFar: Int) -> Int {
    let blockCount = max(1, (byteCount + storedBlockCapacity - 1) / storedBlockCapacity)
    let firstPadding = (8 - (bitsSoFar + 3) % 8) % 8
    // After the first block the writer is on a byte boundary, so the 3 header bits pad with 5.
    return 3 + firstPadding + (blockCount - 1) * (3 + 5) + blockCount * 32 + byteCount * 8
  }
}
