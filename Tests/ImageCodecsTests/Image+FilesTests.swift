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

/// Writing an image file where that cannot be done says why, in words that say what to do.
@Suite struct ImageFileWritingTests {
  let image = Image(width: 2, height: 1, channels: 1, pixels: [0, 255])
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("image-write-\(UUID())").path

  @Test func writingIntoAMissingFolderNamesTheFolder() throws {
    let path = folder + "/missing/out.png"
    let error = #expect(throws: ImageDecodingError.self) { try image.write(to: path) }
    #expect(
      error?.description
        == "\(path): cannot be written: the folder \(folder)/missing does not exist; create it first "
        + "(mkdir -p \(folder)/missing).")
  }

  @Test func writingOverAFolderSaysItIsAFolder() throws {
    let path = folder + "/taken.png"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let error = #expect(throws: ImageDecodingError.self) { try image.write(to: path) }
    #expect(error?.description.contains("cannot be written: it is a folder; give a file name inside it") == true)
    #expect(error?.description.contains("..") == false, "one full stop: \(String(describing: error))")
  }

  @Test(arguments: ["jpg", "JPEG"])
  func writingAJPEGNameWritesAJPEGThatReadsBack(fileExtension: String) throws {
    let path = folder + "/out." + fileExtension
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let photo = Image(width: 3, height: 2, channels: 4, pixels: Array(repeating: 200, count: 24))
    try photo.write(to: path)
    #expect(try Image.info(contentsOf: path).format == .jpeg)
    let back = try Image(contentsOf: path)
    #expect(back.width == 3 && back.height == 2 && back.channels == 3)
  }

  @Test func writingAnUnknownExtensionListsTheFormatsIncludingJPEG() throws {
    let error = #expect(throws: ImageDecodingError.self) { try image.write(to: folder + "/out.gif") }
    #expect(error?.description.contains("writes PNG, JPEG, PPM and PGM") == true, "\(String(describing: error))")
  }
}
