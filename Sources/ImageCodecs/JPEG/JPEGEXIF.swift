/// Reads the EXIF Orientation tag from a JPEG file's APP1 segment.
///
/// The segment holds `Exif\0\0` and then a TIFF structure: a byte-order mark (`II` little-endian
/// or `MM` big-endian), 42, the offset of IFD0, and in IFD0 12-byte entries of tag, type, count
/// and value. Orientation is tag 0x0112, type SHORT, count 1, value 1…8. Every read is
/// bounds-checked, and nothing here throws: a damaged segment just has no orientation.
enum JPEGEXIF {
  /// The Orientation value (1…8) of the first EXIF APP1 segment before the first scan, or nil.
  static func orientation(in bytes: [UInt8]) -> Int? {
    guard var reader = try? JPEGSegmentReader(bytes) else { return nil }
    while let segment = try? reader.nextSegment() {
      if segment.marker == JPEGMarker.startOfScan || segment.marker == JPEGMarker.endOfImage {
        return nil
      }
      if segment.marker == JPEGMarker.application1, segment.data.starts(with: Array("Exif\0\0".utf8)) {
        return orientation(inTIFF: Array(segment.data.dropFirst(6)))
      }
    }
    return nil
  }

  /// The Orientation value in IFD0 of a TIFF structure, or nil if absent or invalid.
  static func orientation(inTIFF tiff: [UInt8]) -> Int? {
    guard tiff.count >= 8 else { return nil }
    let isLittleEndian: Bool
    switch (tiff[0], tiff[1]) {
    case (0x49, 0x49): isLittleEndian = true
    case (0x4D, 0x4D): isLittleEndian = false
    default: return nil
    }
    func number(at offset: Int, size: Int) -> Int? {
      guard offset >= 0, offset + size <= tiff.count else { return nil }
      let range = tiff[offset..<offset + size]
      let ordered = isLittleEndian ? Array(range.reversed()) : Array(range)
      return ordered.reduce(0) { $0 << 8 | Int($1) }
    }
    guard number(at: 2, size: 2) == 42, let directory = number(at: 4, size: 4),
      let entryCount = number(at: directory, size: 2)
    else { return nil }
    for entry in 0..<entryCount {
      let start = directory + 2 + 12 * entry
      guard let tag = number(at: start, size: 2) else { return nil }
      guard tag == 0x0112 else { continue }
      guard number(at: start + 2, size: 2) == 3, number(at: start + 4, size: 4) == 1,
        let value = number(at: start + 8, size: 2), (1...8).contains(value)
      else { return nil }
      return value
    }
    return nil
  }
}
