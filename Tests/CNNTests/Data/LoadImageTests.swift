import CNNTestSupport
import Foundation
import ImageCodecs
import TerminalUI
import Testing

@testable import CNN

@Suite(.isolatedSession) struct LoadImageTests {
  let folder: URL
  let quiet = TerminalOutput(isTerminal: false) { _ in }

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("load-image-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("only"), withIntermediateDirectories: true)
    let pixels = (0..<(12 * 9 * 3)).map { UInt8(($0 * 37) % 256) }
    try Image(width: 12, height: 9, channels: 3, pixels: pixels).write(
      to: folder.appendingPathComponent("only/picture.png").path)
  }

  var file: String { folder.appendingPathComponent("only/picture.png").path }

  @Test func anImageLoadsAsTheDatasetWouldLoadIt() throws {
    let alone = try loadImage(file, colorMode: .grayscale, imageSize: [5, 7])
    #expect(alone.shape == [5, 7, 1])
    let dataset = try TerminalOutput.$current.withValue(quiet) {
      try imageDatasetFromDirectory(folder.path, colorMode: .grayscale, imageSize: [5, 7], shuffle: false)
    }
    #expect(try dataset.firstBatch().images[0] == alone)
  }

  @Test func withoutASizeTheFileKeepsItsOwn() throws {
    let image = try loadImage(file)
    #expect(image.shape == [9, 12, 3])
    #expect(image.scalars[0...2] == [0, 37, 74])
  }

  @Test func badArgumentsAndFilesAreNamed() {
    #expect(throws: ModelError.self) { try loadImage(file, imageSize: [5]) }
    let missing = #expect(throws: ImageDecodingError.self) { try loadImage(folder.path + "/nothing.png") }
    #expect(missing.map { "\($0)" }?.contains("nothing.png") == true)
  }
}
