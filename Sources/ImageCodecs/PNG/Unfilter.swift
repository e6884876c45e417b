// Undoing PNG's scanline filters (specification, section 9). Before compressing, an encoder
// replaces each byte x of a scanline by x minus a prediction made from bytes already seen:
//
//   c b      a: the byte one pixel to the left (filterStride bytes back), 0 at the row start
//   a x      b: the byte above, 0 in a pass's first row;  c: the byte above a, 0 likewise
//
// None predicts 0, Sub a, Up b, Average ⌊(a + b) / 2⌋ and Paeth whichever of a, b, c is closest
// to a + b − c. The type is the first byte of each scanline. Decoding adds the prediction back,
// modulo 256, left to right and top to bottom, so predictions see decoded bytes.

/// Reverses the filters of a pass's scanlines, in place, in the decompressed data.
enum Unfilter {
  /// Unfilters `rowCount` scanlines that start at `data[start]`, each a filter type byte and
  /// `bytesPerRow` bytes. The type bytes are left as they are.
  ///
  /// - Parameters:
  ///   - filterStride: The bytes per pixel, at least 1 (`PNGHeader.filterStride`).
  ///   - rowName: Describes row `r` of the pass in error messages, such as "row 12".
  /// - Throws: `ImageProblem.invalidHeader` for a filter type byte above 4.
  static func unfilterRows(
    _ data: inout [UInt8], start: Int, rowCount: Int, bytesPerRow: Int, filterStride: Int,
    rowName: (Int) -> String
  ) throws(ImageProblem) {
    for row in 0..<rowCount {
      let typeIndex = start + row * (bytesPerRow + 1)
      guard let type = PNGFilterType(rawValue: data[typeIndex]) else {
        throw .invalidHeader("filter type \(data[typeIndex]) in \(rowName(row)); PNG has only types 0 to 4")
      }
      let current = typeIndex + 1
      let above = row == 0 ? nil : current - (bytesPerRow + 1)
      unfilterRow(&data, type: type, at: current, above: above, count: bytesPerRow, stride: filterStride)
    }
  }

  /// Unfilters one scanline of `count` bytes at `data[current]`, whose previous scanline (already
  /// unfiltered) starts at `data[above]`, or which is a pass's first scanline when `above` is nil.
  ///
  /// Each filter gets its own loop, so that no loop decides the filter per byte; the first
  /// `stride` bytes of a row have no left neighbour and are done apart.
  static func unfilterRow(
    _ data: inout [UInt8], type: PNGFilterType, at current: Int, above: Int?, count: Int, stride: Int
  ) {
    let end = current + count
    switch (type, above) {
    case (.none, _), (.up, nil):
      return
    case (.sub, _), (.paeth, nil):
      // With no row above, b = c = 0 and Paeth always picks a: the same as Sub.
      for index in min(current + stride, end)..<end {
        data[index] &+= data[index - stride]
      }
    case (.up, let above?):
      for offset in 0..<count {
        data[current + offset] &+= data[above + offset]
      }
    case (.average, nil):
      for index in min(current + stride, end)..<end {
        data[index] &+= data[index - stride] >> 1
      }
    case (.average, let above?):
      for offset in 0..<min(stride, count) {
        data[current + offset] &+= data[above + offset] >> 1
      }
      for offset in min(stride, count)..<count {
        let sum = UInt16(data[current + offset - stride]) + UInt16(data[above + offset])
        data[current + offset] &+= UInt8(truncatingIfNeeded: sum >> 1)
      }
    case (.paeth, let above?):
      for offset in 0..<min(stride, count) {
        data[current + offset] &+= data[above + offset]  // a = c = 0: Paeth picks b
      }
      for offset in min(stride, count)..<count {
        let a = data[current + offset - stride]
        let b = data[above + offset]
        let c = data[above + offset - stride]
        data[current + offset] &+= PNGFilterType.paethPredictor(a, b, c)
      }
    }
  }

  // MARK: - Reference

  /// The plain definition of unfiltering one scanline, byte by byte, straight from the table in
  /// the specification; tests check `unfilterRow` against it.
  static func referenceUnfilterRow(_ row: [UInt8], previous: [UInt8]?, type: PNGFilterType, stride: Int) -> [UInt8] {
    var result = row
    for x in row.indices {
      let a = x >= stride ? Int(result[x - stride]) : 0
      let b = previous.map { Int($0[x]) } ?? 0
      let c = x >= stride ? previous.map { Int($0[x - stride]) } ?? 0 : 0
      let prediction: Int
      switch type {
      case .none: prediction = 0
      case .sub: prediction = a
      case .up: prediction = b
      case .average: prediction = (a + b) / 2
      case .paeth:
        let (pa, pb, pc) = (abs(b - c), abs(a - c), abs(a + b - 2 * c))  // |p − a|, |p − b|, |p − c|
        prediction = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      }
      result[x] = UInt8((Int(row[x]) + prediction) % 256)
    }
    return result
  }
}
