import CNNTestSupport
import Foundation
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
    try TrainingOutput.$current.withValue(captured.output(isTerminal: false)) {
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
        Skipped 4 of 13 files that could not be decoded: cat/cut-off.jpg (cut off), cat/empty.png (empty), \
        cup/animation.gif (GIF, not supported) and 1 more (`skippedFiles` lists them all). Using the other 9.

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
