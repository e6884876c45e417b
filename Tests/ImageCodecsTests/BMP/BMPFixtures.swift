import Foundation

/// Finds and reads the fixtures in `Tests/ImageCodecsTests/Fixtures/bmp/` (see the README there),
/// and builds small BMP files in memory for the header tests.
enum BMPFixtures {
  /// One valid fixture as `expected.json` lists it.
  struct Expected: Decodable, CustomStringConvertible, Sendable {
    /// The file name in `Fixtures/bmp/`.
    let file: String
    /// The number of columns, as the reference read it.
    let width: Int
    /// The number of rows, as the reference read it.
    let height: Int
    /// 4 when the file declares an alpha mask, else 3.
    let channels: Int
    /// The bits-per-pixel field of the header.
    let bitsPerPixel: Int
    /// The tool whose decoding is expected.
    let reference: String

    /// The file name, so that test results list each case by it.
    var description: String { file }
  }

  /// The `Fixtures/bmp` folder.
  static let folder = FixtureFolder("bmp")

  /// Every valid fixture.
  static let expected = folder.decoded([Expected].self, from: "expected.json")

  /// The bytes of the fixture `name`.
  static func bytes(_ name: String) -> [UInt8] { folder.bytes(name) }

  /// The full path of the fixture `name`.
  static func path(_ name: String) -> String { folder.path(name) }

  /// A BMP file with a 40-byte info header (or `infoHeaderSize` bytes, zero-filled past 40),
  /// followed by `extra` (masks or palette) and `pixelData`, with bfOffBits pointing at it.
  static func file(
    width: Int32, height: Int32, bitsPerPixel: UInt16, compression: UInt32 = 0, infoHeaderSize: Int = 40,
    colorsUsed: UInt32 = 0, extra: [UInt8] = [], pixelData: [UInt8]
  ) -> [UInt8] {
    let pixelOffset = 14 + infoHeaderSize + extra.count
    var info = littleEndian(UInt32(infoHeaderSize)) + littleEndian(UInt32(bitPattern: width))
    info += littleEndian(UInt32(bitPattern: height)) + [1, 0] + [UInt8(bitsPerPixel & 0xFF), UInt8(bitsPerPixel >> 8)]
    info += littleEndian(compression) + littleEndian(UInt32(pixelData.count)) + Array(repeating: 0, count: 8)
    info += littleEndian(colorsUsed) + littleEndian(0)
    info += Array(repeating: 0, count: infoHeaderSize - 40)
    let fileHeader =
      Array("BM".utf8) + littleEndian(UInt32(pixelOffset + pixelData.count)) + [0, 0, 0, 0]
      + littleEndian(UInt32(pixelOffset))
    return fileHeader + info + extra + pixelData
  }

  /// `bytes` with the little-endian 32-bit field at `offset` replaced by `value`.
  static func replacing(_ bytes: [UInt8], at offset: Int, with value: UInt32) -> [UInt8] {
    var result = bytes
    result.replaceSubrange(offset..<offset + 4, with: littleEndian(value))
    return result
  }

  /// The four bytes of `value`, least significant first.
  static func littleEndian(_ value: UInt32) -> [UInt8] {
    [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: value >> $0) }
  }
}
