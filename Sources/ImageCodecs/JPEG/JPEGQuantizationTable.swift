/// A quantisation table from a DQT segment: 64 step sizes in natural (row-major) order.
struct JPEGQuantizationTable {
  /// The step size of each coefficient, row-major.
  let steps: [Int32]

  /// Parses a DQT segment, which may define several tables of 8- or 16-bit steps (stored in
  /// zigzag order), and stores each in `tables` at its index 0…3.
  static func parseSegment(_ data: ArraySlice<UInt8>, into tables: inout [JPEGQuantizationTable?]) throws(ImageProblem)
  {
    var position = data.startIndex
    while position < data.endIndex {
      let precision = data[position] >> 4
      let index = Int(data[position] & 15)
      guard precision <= 1, index < 4 else {
        throw .invalidHeader(
          "a DQT segment defines table \(index) with precision \(precision); expected 0…3 and 0 or 1")
      }
      let size = precision == 0 ? 64 : 128
      guard data.endIndex - position - 1 >= size else {
        throw .invalidHeader("a DQT segment ends inside table \(index)")
      }
      var steps = [Int32](repeating: 0, count: 64)
      for k in 0..<64 {
        let value =
          precision == 0
          ? Int32(data[position + 1 + k])
          : Int32(data[position + 1 + 2 * k]) << 8 | Int32(data[position + 2 + 2 * k])
        steps[JPEGZigzag.order[k]] = value
      }
      tables[index] = JPEGQuantizationTable(steps: steps)
      position += 1 + size
    }
  }
}
