import Testing

@testable import ImageCodecs

/// The EXIF Orientation tag, read from files exiftool wrote in both byte orders, and damaged
/// EXIF that must give nil without reading out of bounds.
@Suite struct JPEGEXIFTests {
  @Test(arguments: ["MM", "II"], 1...8)
  func orientationWrittenByExiftoolIsRead(_ byteOrder: String, _ value: Int) {
    let bytes = JPEGFixtures.bytes("orientation/\(byteOrder)_\(value).jpg")
    let orientation = JPEGEXIF.orientation(in: bytes)
    #expect(orientation == value)
  }

  @Test func aFileWithoutEXIFHasNoOrientation() {
    let orientation = JPEGEXIF.orientation(in: JPEGFixtures.bytes("orientation/plain.jpg"))
    #expect(orientation == nil)
  }

  /// A TIFF structure with one IFD0 entry, big-endian.
  static func tiff(tag: UInt16 = 0x0112, type: UInt16 = 3, count: UInt32 = 1, value: UInt16) -> [UInt8] {
    func big16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
    return Array("MM".utf8) + big16(42) + [0, 0, 0, 8] + big16(1) + big16(tag) + big16(type)
      + PNGTestFiles.bigEndian(count) + big16(value) + [0, 0] + [0, 0, 0, 0]
  }

  @Test func invalidTagsGiveNil() {
    #expect(JPEGEXIF.orientation(inTIFF: Self.tiff(value: 6)) == 6)
    #expect(JPEGEXIF.orientation(inTIFF: Self.tiff(value: 0)) == nil)
    #expect(JPEGEXIF.orientation(inTIFF: Self.tiff(value: 9)) == nil)
    #expect(JPEGEXIF.orientation(inTIFF: Self.tiff(type: 4, value: 6)) == nil)
    #expect(JPEGEXIF.orientation(inTIFF: Self.tiff(tag: 0x0110, value: 6)) == nil)
  }

  @Test func everyCutOfTheTIFFStructureGivesNilWithoutCrashing() {
    let whole = Self.tiff(value: 3)
    for length in 0..<whole.count - 6 {
      #expect(JPEGEXIF.orientation(inTIFF: Array(whole[..<length])) == nil, "cut at \(length)")
    }
  }

  @Test func everyCutOfATaggedFileGivesNilOrTheValue() {
    let bytes = JPEGFixtures.bytes("orientation/II_8.jpg")
    for length in 0...bytes.count {
      let orientation = JPEGEXIF.orientation(in: Array(bytes[..<length]))
      #expect(orientation == nil || orientation == 8)
    }
  }
}
