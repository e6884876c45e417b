/// The colours of a PNG's PLTE chunk: up to 256 entries of red, green and blue, one byte each.
///
/// A palette image (colour type 3) stores an index into this list for each pixel. RGB and RGBA
/// images may carry a palette too, as a suggestion for displays with few colours; decoding
/// ignores it there.
struct PNGPalette: Equatable {
  /// Red, green and blue of each entry, one after another.
  let rgb: [UInt8]

  /// The number of entries, 1 to 256.
  var count: Int { rgb.count / 3 }

  /// Reads and checks the data of a PLTE chunk.
  ///
  /// - Throws: `ImageProblem.invalidHeader` if the length is not 3 to 768 bytes in whole entries.
  init(parsing data: ArraySlice<UInt8>) throws(ImageProblem) {
    guard data.count % 3 == 0, (1...256).contains(data.count / 3) else {
      throw .invalidHeader("the PLTE chunk holds \(data.count) bytes; it must hold 1 to 256 entries of 3 bytes")
    }
    self.rgb = Array(data)
  }
}
