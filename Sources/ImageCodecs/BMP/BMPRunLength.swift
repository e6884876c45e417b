// Run-length compressed BMP pixel data (BI_RLE8, BI_RLE4), read as pairs of bytes from bfOffBits,
// rows bottom-up:
//
//     n c       (n > 0) a run of n pixels: index c (RLE8), or c's two nibbles alternately (RLE4)
//     0 0       end of row: the rest of the row is skipped
//     0 1       end of bitmap: every pixel not yet written is skipped
//     0 2 dx dy move dx pixels right and dy rows up
//     0 n …     (n ≥ 3) n literal indices (bytes for RLE8, nibbles for RLE4), padded to an even
//               number of bytes
//
// Skipped pixels take palette index 0, as in Pillow. Runs past the end of a row are cut at its
// end, as Pillow cuts them.

extension BMPHeader {
  /// Decodes run-length compressed indices into `height · width · 3` RGB samples, top row first.
  ///
  /// Every step reads at least one byte, so a hostile file cannot make this loop forever.
  ///
  /// - Throws: `truncated` when the data ends before its end-of-bitmap marker and before the
  ///   last row is written.
  func decodeRunLengths(from bytes: [UInt8]) throws(ImageProblem) -> [UInt8] {
    guard case .palette(let palette) = pixelFormat else {
      preconditionFailure("run-length compression is only parsed for palette images")
    }
    let isFourBit = compression == .runLength4
    var indices = [UInt8](repeating: 0, count: width * height)
    var cursor = pixelOffset
    var x = 0
    var storedRow = 0

    /// Sets pixel `x` of the current row, if it is inside the image.
    func put(_ index: UInt8) {
      if x < width && storedRow < height {
        let row = isTopDown ? storedRow : height - 1 - storedRow
        indices[row * width + x] = index
      }
      x += 1
    }

    decoding: while storedRow < height {
      guard cursor + 1 < bytes.count else {
        throw .truncated(
          "the run-length data stops in stored row \(storedRow + 1) of \(height), before its end-of-bitmap marker")
      }
      let count = Int(bytes[cursor])
      let value = bytes[cursor + 1]
      cursor += 2
      switch (count, value) {
      case (1..., _):
        for step in 0..<count {
          put(isFourBit ? (step % 2 == 0 ? value >> 4 : value & 0x0F) : value)
        }
      case (0, 0):
        x = 0
        storedRow += 1
      case (0, 1):
        break decoding
      case (0, 2):
        guard cursor + 1 < bytes.count else { throw .truncated("the file ends inside a run-length move") }
        x += Int(bytes[cursor])
        storedRow += Int(bytes[cursor + 1])
        cursor += 2
      default:
        let literalBytes = isFourBit ? (Int(value) + 1) / 2 : Int(value)
        guard cursor + literalBytes <= bytes.count else {
          throw .truncated("the file ends inside a run of \(value) literal pixels")
        }
        for step in 0..<Int(value) {
          let byte = bytes[cursor + (isFourBit ? step / 2 : step)]
          put(isFourBit ? (step % 2 == 0 ? byte >> 4 : byte & 0x0F) : byte)
        }
        cursor += literalBytes + literalBytes % 2
      }
    }
    var pixels = [UInt8](repeating: 0, count: width * height * 3)
    for (pixel, index) in indices.enumerated() {
      palette.write(Int(index), into: &pixels, at: pixel * 3)
    }
    return pixels
  }
}
