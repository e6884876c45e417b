import Foundation
import Testing

@testable import ImageCodecs

@Suite struct ImageFilesTests {
  @Test func infoFindsAJPEGsSizeBehindMoreMetadataThanItsFirstReadHolds() throws {
    let original = JPEGFixtures.bytes("baseline/cat_420.jpg")
    let expected = try Image.info(of: original)
    // Two 65,000-byte APP1 segments after the start-of-image marker push the frame header past
    // the first 64 KiB, as a photo's EXIF data and thumbnail can.
    let padding = (0..<2).flatMap { _ in [0xFF, 0xE1, 0xFD, 0xE8] + [UInt8](repeating: 0x20, count: 64_998) }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("metadata-heavy-\(UUID().uuidString).jpg")
      .path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(Array(original.prefix(2)) + padding + Array(original.dropFirst(2))).write(to: URL(fileURLWithPath: path))
    let info = try Image.info(contentsOf: path)
    #expect(info.width == expected.width && info.height == expected.height)
  }
}
