// Writes 8-bit PNG files (ISO/IEC 15948, the PNG specification): signature, IHDR, the image data
// in IDAT chunks of at most 64 KiB, IEND. Each row is filtered with whichever of the five
// filters leaves the smallest sum of absolute differences (the heuristic the specification
// suggests in section 12.8 and libpng uses), and the filtered rows are compressed by `Deflate`.
import ZlibCodecs

/// Encodes an `Image` as a non-interlaced 8-bit PNG: gray, gray+alpha, RGB or RGBA by its
/// channel count.
enum PNGEncoder {
  /// The eight bytes every PNG file starts with.
  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  /// The most bytes of compressed data per IDAT chunk.
  static let maximumIDATLength = 65_536

  /// Returns the PNG file for `image`.
  ///
  /// - Precondition: the image is at least 1×1 pixels (`Image.encoded(as:)` checks this first
  ///   and throws `cannotEncode` instead).
  static func encode(_ image: Image) -> [UInt8] {
    precondition(
      image.width > 0 && image.height > 0, "A PNG holds at least one pixel, not \(image.width)×\(image.height)")
    var header: [UInt8] = []
    header += bigEndianBytes(UInt32(image.width))
    header += bigEndianBytes(UInt32(image.height))
    header += [8, colorType(channels: image.channels), 0, 0, 0]  // depth, colour, deflate, filter set 0, not interlaced

    let compressed = Deflate.zlibStream(compressing: filteredRows(image))
    var file = signature + chunk("IHDR", header[...])
    var start = 0
    repeat {
      let end = min(start + maximumIDATLength, compressed.count)
      file += chunk("IDAT", compressed[start..<end])
      start = end
    } while start < compressed.count
    file += chunk("IEND", [][...])
    return file
  }

  /// The PNG colour type for a channel count: 0 gray, 4 gray+alpha, 2 RGB, 6 RGBA.
  static func colorType(channels: Int) -> UInt8 {
    switch channels {
    case 1: return 0
    case 2: return 4
    case 3: return 2
    default: return 6
    }
  }

  /// A chunk: length, type, data, and the CRC-32 of type and data.
  static func chunk(_ type: String, _ data: ArraySlice<UInt8>) -> [UInt8] {
    let typeBytes = Array(type.utf8)
    precondition(typeBytes.count == 4, "A PNG chunk type has four letters, not \"\(type)\"")
    let crc = CRC32.checksum(data, startingWith: CRC32.checksum(typeBytes))
    return bigEndianBytes(UInt32(data.count)) + typeBytes + data + bigEndianBytes(crc)
  }

  /// The four bytes of `value`, most significant first, as PNG stores integers.
  static func bigEndianBytes(_ value: UInt32) -> [UInt8] {
    withUnsafeBytes(of: value.bigEndian) { Array($0) }
  }

  /// Every row of the image, each preceded by the number of the filter chosen for it and
  /// filtered with it.
  static func filteredRows(_ image: Image) -> [UInt8] {
    let rowLength = image.width * image.channels
    var output: [UInt8] = []
    output.reserveCapacity((rowLength + 1) * image.height)
    let zeros = [UInt8](repeating: 0, count: rowLength)
    var candidates = Array(repeating: [UInt8](repeating: 0, count: rowLength), count: PNGFilterType.allCases.count)
    for y in 0..<image.height {
      let row = image.pixels[(y * rowLength)..<((y + 1) * rowLength)]
      let above = y == 0 ? zeros[...] : image.pixels[((y - 1) * rowLength)..<(y * rowLength)]
      var best = PNGFilterType.none
      var bestScore = Int.max
      for filter in PNGFilterType.allCases {
        apply(filter, to: row, above: above, bytesPerPixel: image.channels, into: &candidates[Int(filter.rawValue)])
        let score = absoluteDifferenceSum(candidates[Int(filter.rawValue)])
        if score < bestScore {
          best = filter
          bestScore = score
        }
      }
      output.append(best.rawValue)
      output += candidates[Int(best.rawValue)]
    }
    return output
  }

  /// The sum of the filtered bytes read as signed numbers, ignoring sign: small when the
  /// prediction was good, which usually means the row will compress well.
  static func absoluteDifferenceSum(_ bytes: [UInt8]) -> Int {
    var sum = 0
    for byte in bytes {
      sum += byte < 128 ? Int(byte) : 256 - Int(byte)
    }
    return sum
  }

  /// Filters one row into `output` (which has the row's length): `row` is the row, `above` the
  /// one before it (zeros for the first), `bytesPerPixel` the distance to the left neighbour.
  static func apply(
    _ filter: PNGFilterType, to row: ArraySlice<UInt8>, above: ArraySlice<UInt8>, bytesPerPixel: Int,
    into output: inout [UInt8]
  ) {
    let rowStart = row.startIndex
    let aboveStart = above.startIndex
    for i in 0..<row.count {
      let x = row[rowStart + i]
      let a = i >= bytesPerPixel ? row[rowStart + i - bytesPerPixel] : 0
      let b = above[aboveStart + i]
      let c = i >= bytesPerPixel ? above[aboveStart + i - bytesPerPixel] : 0
      let prediction: UInt8
      switch filter {
      case .none: prediction = 0
      case .sub: prediction = a
      case .up: prediction = b
      case .average: prediction = UInt8((Int(a) + Int(b)) / 2)
      case .paeth: prediction = PNGFilterType.paethPredictor(a, b, c)
      }
      output[i] = x &- prediction
    }
  }
}
