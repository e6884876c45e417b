import Foundation
import Testing

@testable import ImageCodecs

/// Formats are recognised from the first bytes, whatever the file is called.
@Suite struct ImageFormatTests {
  static let photos = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Datasets/photos").path

  @Test func signaturesAreRecognised() throws {
    #expect(ImageFormat(detecting: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
    #expect(ImageFormat(detecting: Array("P6\n4 4\n255\n".utf8)) == .ppm)
    #expect(ImageFormat(detecting: Array("P2 4 4 255 ".utf8)) == .pgm)
    #expect(ImageFormat(detecting: Array("P1\n4 4\n".utf8)) == .pbm)
    #expect(ImageFormat(detecting: Array("P4 4 4\n".utf8)) == .pbm)
    #expect(ImageFormat(detecting: Array("GIF89a....".utf8)) == .gif)
    #expect(ImageFormat(detecting: Array("BM\u{36}\0\0\0".utf8)) == .bmp)
    #expect(ImageFormat(detecting: Array("hello world".utf8)) == nil)
    #expect(ImageFormat(detecting: Array("P7\nWIDTH 1".utf8)) == nil)
    // The JPEG that Pillow wrote for Datasets/photos.
    let jpeg = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.photos + "/chelsea.jpg")))
    #expect(ImageFormat(detecting: jpeg) == .jpeg)
  }

  @Test func aGIFIsNamedAsNotSupported() {
    let gif = Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0]
    let error = #expect(throws: ImageDecodingError.self) { try Image(decoding: gif, path: "cat.gif") }
    #expect(error?.problem == .unsupportedFormat(.gif))
    #expect(error?.description.hasPrefix("cat.gif: a GIF image, which this version cannot decode") == true)
    #expect(ImageFormat.allCases.filter { !$0.isDecodable } == [.gif])
  }

  @Test func aJPEGNamedPNGIsDecodedAsJPEG() throws {
    let misnamed = FileManager.default.temporaryDirectory.appendingPathComponent("misnamed-\(UUID().uuidString).png")
    defer { try? FileManager.default.removeItem(at: misnamed) }
    try FileManager.default.copyItem(atPath: Self.photos + "/chelsea.jpg", toPath: misnamed.path)
    let image = try Image(contentsOf: misnamed.path)
    #expect(image.width == 451 && image.height == 300 && image.channels == 3)
  }

  @Test func aPNGNamedJPGIsDecodedAsPNG() throws {
    let misnamed = FileManager.default.temporaryDirectory.appendingPathComponent("misnamed-\(UUID().uuidString).jpg")
    defer { try? FileManager.default.removeItem(at: misnamed) }
    try FileManager.default.copyItem(atPath: Self.photos + "/coffee.png", toPath: misnamed.path)
    let image = try Image(contentsOf: misnamed.path)
    #expect(image.width == 300 && image.height == 200 && image.channels == 3)
  }

  @Test func aTextFileNamedPNGIsReportedAsText() throws {
    let error = #expect(throws: ImageDecodingError.self) {
      try Image(decoding: Array("just some notes\n".utf8), path: "notes.png")
    }
    #expect(
      error?.description
        == "notes.png: not an image file this program knows (it starts with 6A 75 73 74 20 73 6F 6D, which looks like text). Supported: PNG, JPEG, BMP, PPM, PGM and PBM. Remove the file or convert it to PNG."
    )
  }

  @Test func missingFilesAndFoldersAreNamed() {
    let missing = #expect(throws: ImageDecodingError.self) { try Image(contentsOf: "/no/such/picture.png") }
    #expect(missing?.description == "/no/such/picture.png: cannot be read: there is no such file.")
    let folder = #expect(throws: ImageDecodingError.self) { try Image(contentsOf: Self.photos) }
    #expect(folder?.problem == .cannotRead("it is a folder, not a file"))
  }
}
