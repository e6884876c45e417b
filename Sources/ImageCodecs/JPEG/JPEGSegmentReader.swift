/// Walks the marker segments of a JPEG file: each `FF xx` marker and, unless it stands alone,
/// the bytes of its segment (a 2-byte big-endian length that counts itself, then the data).
///
/// Fill bytes (`FF FF…`) before a marker are skipped. Bytes that are not a marker where one
/// should be (left over after entropy-coded data, including stuffed `FF 00` pairs and stray
/// restart markers) are skipped up to the next marker, as libjpeg does.
struct JPEGSegmentReader {
  /// One marker and the data of its segment.
  struct Segment {
    /// The marker's second byte, such as `0xDB` for DQT.
    let marker: UInt8
    /// The segment's data after the length field (empty for a standalone marker).
    let data: ArraySlice<UInt8>
  }

  /// The whole file.
  let bytes: [UInt8]
  /// Where the next marker is searched from.
  var position: Int

  /// Creates a reader after the SOI marker, or throws if the file does not start with one.
  init(_ bytes: [UInt8]) throws(ImageProblem) {
    guard bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == JPEGMarker.startOfImage else {
      throw .invalidHeader("a JPEG file starts with FF D8 (start of image)")
    }
    self.bytes = bytes
    self.position = 2
  }

  /// Returns the next segment, or throws `.truncated` if the file ends first.
  mutating func nextSegment() throws(ImageProblem) -> Segment {
    var marker: UInt8 = 0
    while marker == 0 || JPEGMarker.isRestart(marker) {
      while position < bytes.count && bytes[position] != 0xFF {
        position += 1
      }
      while position < bytes.count && bytes[position] == 0xFF {
        position += 1
      }
      guard position < bytes.count else {
        marker = 0
        break
      }
      marker = bytes[position]
      position += 1
    }
    guard marker != 0 else {
      throw .truncated("the file ends where another marker should be, before the end-of-image marker FF D9")
    }
    if JPEGMarker.isStandalone(marker) {
      return Segment(marker: marker, data: bytes[position..<position])
    }
    guard position + 2 <= bytes.count else {
      throw .truncated("the file ends in the length of segment FF \(JPEGMarker.hex(marker))")
    }
    let length = Int(bytes[position]) << 8 | Int(bytes[position + 1])
    guard length >= 2 else {
      throw .invalidHeader(
        "segment FF \(JPEGMarker.hex(marker)) has length \(length); the length counts its own 2 bytes")
    }
    guard position + length <= bytes.count else {
      throw .truncated(
        "segment FF \(JPEGMarker.hex(marker)) needs \(length) bytes but only \(bytes.count - position) are left")
    }
    let data = bytes[(position + 2)..<(position + length)]
    position += length
    return Segment(marker: marker, data: data)
  }
}
