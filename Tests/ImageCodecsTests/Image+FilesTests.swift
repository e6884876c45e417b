import Foundation
import ImageCodecs
import Testing

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
}
