// Uncompressed BMP pixel data: `height` rows of `rowStride` bytes from bfOffBits, each row's
// pixels left to right and padded to a multiple of 4 bytes; the first stored row is the bottom
// one unless the height is negative. Within a byte, 1- and 4-bit indices run from the most
// significant bits; 16-, 24- and 32-bit pixels are little-endian words.

extension BMPHeader {
  /// Decodes uncompressed rows into `height · width · channels` samples, top row first.
  ///
  /// - Throws: `truncated`, saying which row is cut off, when the file is shorter than the rows
  ///   need; this is checked before anything is allocated.
  func decodeRows(from bytes: [UInt8]) throws(ImageProblem) -> [UInt8] {
    // The last row needs no padding: some writers leave it out.
    let lastRowBytes = (width * bitsPerPixel + 7) / 8
    let needed = (height - 1) * rowStride + lastRowBytes
    let available = bytes.count - pixelOffset
    guard available >= needed else {
      let completeRows = available / rowStride
      throw .truncated(
        "stored row \(completeRows + 1) of \(height) (counting \(isTopDown ? "from the top" : "from the bottom")) "
          + "is missing: the pixel data has \(available) of the \(needed) bytes it needs")
    }
    var pixels = [UInt8](repeating: 0, count: width * height * channels)
    for storedRow in 0..<height {
      let start = pixelOffset + storedRow * rowStride
      let row = isTopDown ? storedRow : height - 1 - storedRow
      decodeRow(bytes, from: start, into: &pixels, at: row * width * channels)
    }
    return pixels
  }

  /// Decodes one stored row starting at byte `start` into `pixels` from index `rowStart` on.
  private func decodeRow(_ bytes: [UInt8], from start: Int, into pixels: inout [UInt8], at rowStart: Int) {
    switch pixelFormat {
    case .palette(let palette):
      let perByte = 8 / bitsPerPixel
      let indexMask = (1 << bitsPerPixel) - 1
      for x in 0..<width {
        let byte = Int(bytes[start + x / perByte])
        let shift = 8 - bitsPerPixel * (x % perByte + 1)
        palette.write((byte >> shift) & indexMask, into: &pixels, at: rowStart + x * 3)
      }
    case .bitfields(let masks, _):
      let bytesPerPixel = bitsPerPixel / 8
      for x in 0..<width {
        var word: UInt32 = 0
        for byte in 0..<bytesPerPixel {
          word |= UInt32(bytes[start + x * bytesPerPixel + byte]) << (8 * byte)
        }
        masks.write(word, into: &pixels, at: rowStart + x * channels)
      }
    }
  }
}
