import Foundation
import Testing

@testable import ImageCodecs

/// `Image(decoding:reducedFor:)`: which scale a JPEG is decoded at for a target size, and that
/// other formats ignore the target.
struct ReducedDecodingTests {
  static let photos = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Datasets/photos").path

  static func bytes(_ name: String) throws -> [UInt8] {
    try [UInt8](Data(contentsOf: URL(fileURLWithPath: photos + "/" + name)))
  }

  @Test func theScaleIsTheLargestThatStaysAtLeastTheTarget() {
    let photo = ImageSize(width: 4000, height: 3000)
    #expect(JPEGDecoder.reductionScale(from: photo, to: ImageSize(width: 32, height: 32)) == 8)
    #expect(JPEGDecoder.reductionScale(from: photo, to: ImageSize(width: 500, height: 375)) == 8)
    #expect(JPEGDecoder.reductionScale(from: photo, to: ImageSize(width: 501, height: 10)) == 4)
    #expect(JPEGDecoder.reductionScale(from: photo, to: ImageSize(width: 10, height: 751)) == 2)
    #expect(JPEGDecoder.reductionScale(from: photo, to: ImageSize(width: 2001, height: 10)) == 1)
    // Sizes round up, as the decoder's do: 427 / 8 gives 54 rows.
    #expect(
      JPEGDecoder.reductionScale(from: ImageSize(width: 640, height: 427), to: ImageSize(width: 80, height: 54)) == 8)
    #expect(
      JPEGDecoder.reductionScale(from: ImageSize(width: 640, height: 427), to: ImageSize(width: 81, height: 54)) == 4)
  }

  @Test func aJPEGIsDecodedAtTheReducedSize() throws {
    let rocket = try Self.bytes("rocket.jpg")
    func size(_ target: ImageSize?) throws -> ImageSize {
      let image = try Image(decoding: rocket, reducedFor: target)
      return ImageSize(width: image.width, height: image.height)
    }
    #expect(try size(nil) == ImageSize(width: 640, height: 427))
    #expect(try size(ImageSize(width: 32, height: 32)) == ImageSize(width: 80, height: 54))
    #expect(try size(ImageSize(width: 100, height: 100)) == ImageSize(width: 160, height: 107))
    #expect(try size(ImageSize(width: 200, height: 100)) == ImageSize(width: 320, height: 214))
    #expect(try size(ImageSize(width: 1000, height: 1000)) == ImageSize(width: 640, height: 427))
  }

  @Test func otherFormatsIgnoreTheTarget() throws {
    let image = try Image(decoding: try Self.bytes("chelsea.png"), reducedFor: ImageSize(width: 8, height: 8))
    #expect((image.width, image.height) == (451, 300))
  }

  @Test func anUprightTargetIsTurnedBeforeChoosingTheScale() throws {
    // Stored 16×10 with orientation 6: upright it is 10×16. A 3×4 upright target is a 4×3 stored
    // one, which 1/4 (4×3) still covers and 1/8 (2×2) does not.
    let tagged = ImageOrientationTests.folder.path("tagged-6.jpg")
    let image = try Image(contentsOf: tagged, reducedFor: ImageSize(width: 3, height: 4), usesExifOrientation: true)
    #expect((image.width, image.height) == (3, 4))
  }
}
