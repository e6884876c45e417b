/// The colour table of a 1-, 4- or 8-bit BMP: the RGB colour of each pixel index.
///
/// An index beyond the table (a file whose table is shorter than its indices reach) reads as
/// black, as in Pillow, which pads short palettes with zeros.
struct BMPPalette: Equatable {
  /// Red, green, blue for each entry, in order.
  let colors: [UInt8]

  /// The number of entries.
  var count: Int { colors.count / 3 }

  /// Reads `count` entries from `start`: blue, green, red, then a reserved byte when
  /// `entrySize` is 4 (Windows headers) or none when it is 3 (OS/2 core headers).
  init(_ bytes: [UInt8], start: Int, count: Int, entrySize: Int) {
    var colors = [UInt8]()
    colors.reserveCapacity(count * 3)
    for entry in 0..<count {
      let offset = start + entry * entrySize
      colors += [bytes[offset + 2], bytes[offset + 1], bytes[offset]]
    }
    self.colors = colors
  }

  /// Writes the RGB colour of palette entry `colorIndex` into `pixels` from `index` on.
  func write(_ colorIndex: Int, into pixels: inout [UInt8], at index: Int) {
    guard colorIndex < count else {
      pixels[index] = 0
      pixels[index + 1] = 0
      pixels[index + 2] = 0
      return
    }
    pixels[index] = colors[3 * colorIndex]
    pixels[index + 1] = colors[3 * colorIndex + 1]
    pixels[index + 2] = colors[3 * colorIndex + 2]
  }
}
