// Reading the samples of a PGM or PPM file and bringing them to 8 bits.
//
// Scaling rule, for maxval ≠ 255: `sample8 = (sample · 255 + ⌊maxval / 2⌋) / maxval`, in
// integers, that is `sample · 255 / maxval` rounded to nearest with halves rounded up. This is
// what Netpbm, the format's reference implementation, does (`pnmdepth 255`, Netpbm 11.01); it was
// checked against it for every sample value of maxval 1, 2, 6, 15, 100, 1000, 4095 and 65535.
// Pillow differs on exact halves (Python's `round` rounds them to even; for maxval 6, sample 1
// gives 42 there and 43 here) and keeps 16-bit graymaps at 16 bits; ImageMagick rounds through
// its 16-bit quantum and is off by one on many values. For maxval 65535 the rule gives
// `sample / 257` rounded, not the high byte.

extension PNMHeader {
  /// For every sample value 0...maxval, its 8-bit value under the scaling rule above.
  func scalingTable() -> [UInt8] {
    (0...maxval).map { UInt8(($0 * 255 + maxval / 2) / maxval) }
  }

  /// Reads all `width · height · channels` samples after the header, scaled to 8 bits.
  ///
  /// - Throws: `truncated` if the file ends first; `invalidHeader` for a sample above maxval or,
  ///   in a plain file, a token that is not a number.
  func readSamples(from bytes: [UInt8]) throws(ImageProblem) -> [UInt8] {
    let sampleCount = width * height * channels
    // Checked before allocating: a binary sample takes 1 or 2 bytes, a plain one at least a
    // digit and a separator (but the last).
    let available = bytes.count - rasterStart
    let needed = isBinary ? sampleCount * bytesPerSample : sampleCount * 2 - 1
    guard available >= needed else {
      throw .truncated(
        isBinary
          ? "its pixel data has \(available) of the \(needed) bytes a \(width)×\(height) "
            + "\(format.rawValue) with maxval \(maxval) needs"
          : "it has room for at most \((available + 1) / 2) of the \(sampleCount) samples "
            + "a \(width)×\(height) \(format.rawValue) needs")
    }
    let table = scalingTable()
    var samples = [UInt8](repeating: 0, count: sampleCount)
    if isBinary {
      for index in 0..<sampleCount {
        let value: Int
        if bytesPerSample == 1 {
          value = Int(bytes[rasterStart + index])
        } else {
          value = Int(bytes[rasterStart + 2 * index]) << 8 | Int(bytes[rasterStart + 2 * index + 1])
        }
        guard value <= maxval else { throw tooLarge(value, sampleIndex: index) }
        samples[index] = table[value]
      }
    } else {
      var cursor = PNMTokenCursor(bytes: bytes, position: rasterStart)
      for index in 0..<sampleCount {
        switch cursor.nextToken() {
        case .number(let value):
          guard value <= maxval else { throw tooLarge(value, sampleIndex: index) }
          samples[index] = table[value]
        case .endOfFile:
          throw .truncated("the file ends after \(index) of the \(sampleCount) samples")
        case .notANumber(let offset):
          throw .invalidHeader(
            "sample \(index) (\(position(ofSample: index))) should be a number from 0 to \(maxval), "
              + "but the file has '\(cursor.tokenText(at: offset))' at byte \(offset)")
        }
      }
    }
    return samples
  }

  /// Where sample `index` belongs, as `x = …, y = …` (and the channel for colour images).
  func position(ofSample index: Int) -> String {
    let pixel = index / channels
    let place = "x = \(pixel % width), y = \(pixel / width)"
    return channels == 1 ? place : place + ", " + ["red", "green", "blue"][index % channels]
  }

  /// The error for a sample larger than maxval.
  private func tooLarge(_ value: Int, sampleIndex index: Int) -> ImageProblem {
    .invalidHeader("the sample at \(position(ofSample: index)) is \(value), more than the maxval \(maxval)")
  }
}
