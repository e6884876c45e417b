// Reading the pixels of a PBM bitmap (the PBM page of the Netpbm documentation): one bit per
// pixel, where 1 means black and 0 white (the opposite of a graymap), brought to 8-bit gray as 0
// and 255.
//
//     P4 (binary)   each row is ⌈width / 8⌉ bytes, the leftmost pixel in the most significant
//                   bit; the bits after the last column are padding, ignored (as Netpbm and
//                   Pillow do).
//     P1 (plain)    one character '0' or '1' per pixel, whitespace between them optional,
//                   `#` comments to the end of the line allowed anywhere (as Netpbm and Pillow).

extension PNMHeader {
  /// The gray value of a black pixel (bit 1).
  static let black: UInt8 = 0
  /// The gray value of a white pixel (bit 0).
  static let white: UInt8 = 255

  /// Reads the `width · height` pixels of a bitmap after the header, as 0 (black) or 255 (white).
  ///
  /// - Throws: `truncated` if the file ends first (checked, for the size, before allocating);
  ///   `invalidHeader` for a character of a plain file that is neither `0` nor `1`.
  func readBits(from bytes: [UInt8]) throws(ImageProblem) -> [UInt8] {
    let pixelCount = width * height
    let available = bytes.count - rasterStart
    let bytesPerRow = (width + 7) / 8
    // Checked before allocating: a raw row takes whole bytes, a plain pixel at least a character.
    let needed = isBinary ? bytesPerRow * height : pixelCount
    guard available >= needed else {
      throw .truncated(
        isBinary
          ? "its pixel data has \(available) of the \(needed) bytes a \(width)×\(height) PBM needs"
          : "it has room for at most \(available) of the \(pixelCount) pixels a \(width)×\(height) PBM needs")
    }
    var pixels = [UInt8](repeating: Self.white, count: pixelCount)
    if isBinary {
      for y in 0..<height {
        for x in 0..<width where bytes[rasterStart + y * bytesPerRow + x / 8] >> (7 - x % 8) & 1 == 1 {
          pixels[y * width + x] = Self.black
        }
      }
      return pixels
    }
    var cursor = PNMTokenCursor(bytes: bytes, position: rasterStart)
    for index in 0..<pixelCount {
      guard cursor.skipToToken() else {
        throw .truncated("the file ends after \(index) of the \(pixelCount) pixels")
      }
      switch bytes[cursor.position] {
      case UInt8(ascii: "0"): break
      case UInt8(ascii: "1"): pixels[index] = Self.black
      default:
        throw .invalidHeader(
          "the pixel at \(position(ofSample: index)) should be 0 (white) or 1 (black), "
            + "but the file has '\(cursor.tokenText(at: cursor.position))' at byte \(cursor.position)")
      }
      cursor.position += 1
    }
    return pixels
  }
}
