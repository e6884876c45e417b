import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import CNN

/// `imageDatasetFromDirectory` on a folder mixing PNG, BMP, baseline and progressive JPEG with
/// misnamed and broken files (see `Fixtures/mixed-folder/README.md`).
@Suite(.isolatedSession) struct MixedFolderTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/mixed-folder").path
  let captured = CapturedOutput()

  func load() throws -> ImageDataset {
    try TerminalOutput.$current.withValue(captured.output(isTerminal: false)) {
      try imageDatasetFromDirectory(Self.folder, imageSize: [40, 60], shuffle: false)
    }
  }

  @Test func everyFormatLoadsAndEveryBrokenFileIsSkippedAndCounted() throws {
    let dataset = try load()
    let names = dataset.filePaths.map { String($0.dropFirst(Self.folder.count + 1)) }
    #expect(
      names == [
        "cat/photo.bmp", "cat/photo.jpg", "cat/photo.png", "cat/progressive.jpeg",
        "cup/misnamed-png.jpg", "cup/photo.bmp", "cup/photo.jpg", "cup/photo.png", "cup/progressive.jpeg",
      ])
    #expect(
      dataset.skippedFiles.map { String($0.path.dropFirst(Self.folder.count + 1)) } == [
        "cat/cut-off.jpg", "cat/empty.png", "cup/animation.gif", "cup/notes.bmp",
      ])
    #expect(
      captured.text == """
        Found 13 files belonging to 2 classes.
        Skipped 4 of 13 files that could not be decoded: cat/cut-off.jpg (cut off),
          cat/empty.png (empty), cup/animation.gif (GIF, not supported) and 1 more
          (`skippedFiles` lists them all). Using the other 9.

        """)
  }

  @Test func theSamePictureLooksTheSameInEveryFormat() throws {
    let dataset = try load()
    let images = try dataset.firstBatch().images
    func picture(_ index: Int) -> [Float] { images[index].scalars }
    // cat: bmp, jpg, png, progressive jpeg. BMP and PNG are lossless: identical.
    #expect(picture(0) == picture(2))
    // The JPEGs are lossy: close to the PNG on average, never wildly off.
    for jpeg in [1, 3] {
      let differences = zip(picture(jpeg), picture(2)).map { abs($0 - $1) }
      #expect(differences.reduce(0, +) / Float(differences.count) < 4)
      #expect(differences.max()! < 64)
    }
    // The misnamed PNG is the cup's PNG.
    #expect(picture(4) == picture(7))
  }
}

/// `usesExifOrientation` on the loaders: a phone photo stored on its side comes out upright, as
/// ImageMagick shows it (fixtures in `Tests/ImageCodecsTests/Fixtures/orientation/`).
@Suite(.isolatedSession) struct OrientationLoadingTests {
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("ImageCodecsTests/Fixtures/orientation")

  /// A folder with one class holding `name` from the orientation fixtures.
  func folder(holding name: String) throws -> ImageFolder {
    let folder = try ImageFolder()
    let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
    try folder.addFile("phone/\(name)", bytes: bytes)
    return folder
  }

  @Test func theDatasetAndLoadImageTurnATaggedPhotoUprightWhenAsked() throws {
    // Stored 16×10 with orientation 6 (turn 90° clockwise); upright it is 10 wide, 16 high.
    let tagged = try folder(holding: "tagged-6.jpg")
    let upright = try folder(holding: "tagged-6-upright.png")
    func firstImage(_ folder: ImageFolder, turning: Bool) throws -> Tensor {
      try imageDatasetFromDirectory(
        folder.path, imageSize: [16, 10], shuffle: false, usesExifOrientation: turning, verbose: false
      ).firstBatch().images
    }
    let expected = try firstImage(upright, turning: false)
    #expect(try firstImage(tagged, turning: true) == expected)
    #expect(try firstImage(tagged, turning: false) != expected)
    let path = tagged.path + "/phone/tagged-6.jpg"
    #expect(try loadImage(path, usesExifOrientation: true).shape == [16, 10, 3])
    #expect(try loadImage(path).shape == [10, 16, 3])
  }
}
